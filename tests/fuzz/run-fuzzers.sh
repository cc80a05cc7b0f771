#!/usr/bin/env bash
# Builds the libFuzzer targets with clang and runs each for a bounded time over seeds taken from the
# shared corpus and the sample mesh. Exit non-zero when any target finds a crash, leak or time-out.
#   run-fuzzers.sh SOURCE_DIR BUILD_DIR [SECONDS_PER_TARGET]
set -euo pipefail
src="$1"; build="$2"; seconds="${3:-20}"
corpus="$src/../shared/corpus"
sample="$src/resources/sample-mesh"

command -v clang++ >/dev/null || { echo "clang++ is not installed (apt-get install clang libclang-rt-14-dev)"; exit 1; }
CXX=clang++ cmake -S "$src/tests/fuzz/project" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build "$build" -j"$(nproc)" >/dev/null

seed() { # seed DIR FILES...
  local dir="$build/seeds/$1"; shift
  rm -rf "$dir"; mkdir -p "$dir"
  for f in "$@"; do [[ -f "$f" ]] && cp "$f" "$dir/"; done
  echo "$dir"
}
odcs=$(seed odcs "$corpus"/bitol-io/open-data-contract-standard/docs/examples/*/*.yaml \
  "$corpus"/datacontract/datacontract-cli/tests/fixtures/changelog/integration/*.yaml \
  $(find "$sample/contracts" -name '*.odcs.yaml' | head -20))
dcs=$(seed dcs "$corpus"/datacontract/datacontract-specification/examples/*/datacontract.yaml \
  $(find "$sample/contracts" -name '*.yaml' ! -name '*.odcs.yaml'))
odps=$(seed odps "$corpus"/bitol-io/open-data-product-standard/docs/examples/*.yaml \
  $(find "$sample/products" -name '*.odps.yaml' | head -20))
dps=$(seed dps "$corpus"/datamesh-manager/example-gitops-repository/dataproducts/*.yml \
  $(grep -rl dataProductSpecification "$sample/products" || true))
manifest=$(seed manifest $(grep -rl "apiVersion: datamesh" "$sample/products" || true))
domain=$(seed domain "$sample"/domains/*.yaml)
policy=$(seed policy "$sample"/policies/*.yaml)
dh_product=$(seed datahub_product "$corpus"/datahub-project/datahub/metadata-ingestion/examples/data_product/*.yaml)
dh_contract=$(seed datahub_contract "$corpus"/datahub-project/datahub/metadata-ingestion/examples/data_contract/*.yaml)
dbt=$(seed dbt "$sample"/lineage/dbt/manifest.json "$src"/tests/fixtures/metrics/*.json)
metric=$(seed metric "$sample"/metrics/*/*.yaml "$src"/tests/fixtures/metrics/*.yaml)
ol=$(seed openlineage "$corpus"/MarquezProject/marquez/docker/metadata.json "$sample"/lineage/openlineage/events.ndjson)
dispatch=$(seed dispatch "$odcs"/* "$odps"/* "$dcs"/*)

declare -A seeds=([odcs]=$odcs [dcs]=$dcs [odps]=$odps [dps]=$dps [manifest]=$manifest [domain]=$domain
  [policy]=$policy [metric]=$metric [datahub_product]=$dh_product [datahub_contract]=$dh_contract [dbt]=$dbt
  [openlineage]=$ol [dispatch]=$dispatch)

failed=0
for name in "${!seeds[@]}"; do
  work="$build/runs/$name"; rm -rf "$work"; mkdir -p "$work"
  printf '%-18s ' "$name"
  # -rss_limit_mb: an alias bomb or deep nesting must not eat memory; -timeout: nor hang.
  if "$build/fuzz_$name" "$work" "${seeds[$name]}" -max_total_time="$seconds" -timeout=10 \
       -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 -artifact_prefix="$work/" \
       >"$work/log.txt" 2>&1; then
    echo "ok   $(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$work/log.txt" | grep -o '[0-9]*$') runs"
  else
    echo "FAILED (see $work/log.txt)"; tail -40 "$work/log.txt"; failed=1
  fi
done
exit $failed
