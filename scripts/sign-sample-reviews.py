#!/usr/bin/env python3
"""Signs the bundled sample mesh's review history with throwaway keys (run once, by hand).

For every author of an event under resources/sample-mesh/reviews it makes an Ed25519 key with
ssh-keygen in a temporary folder, signs each event's canonical bytes (what its hash covers) with
`ssh-keygen -Y sign -n meshscope-review`, writes the armored signature into the event file and the
public halves into reviews/allowed_signers. The private keys are deleted with the folder: nobody can
sign as the sample's people afterwards (tests make their own keys).

The canonical bytes are Qt's compact JSON of the event without "hash" and "signature" (sorted keys,
UTF-8); the script checks each against the hash the file states before signing it.
"""
import hashlib
import json
import pathlib
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent / "resources" / "sample-mesh"
NAMESPACE = "meshscope-review"


def canonical(event):
    body = {k: v for k, v in event.items() if k not in ("hash", "signature")}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def main():
    files = sorted((ROOT / "reviews").glob("*/*/*.json"))
    with tempfile.TemporaryDirectory() as tmp:
        keys = {}
        for path in files:
            event = json.loads(path.read_text(encoding="utf-8"))
            data = canonical(event)
            if hashlib.sha256(data).hexdigest() != event["hash"]:
                sys.exit(f"{path}: canonical bytes do not hash to the stated hash; not signed")
            author = event["author"]
            if author not in keys:
                key = pathlib.Path(tmp) / f"key{len(keys)}"
                subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", author, "-f", str(key)], check=True)
                keys[author] = key
            sig = subprocess.run(["ssh-keygen", "-Y", "sign", "-n", NAMESPACE, "-f", str(keys[author])],
                                 input=data, capture_output=True, check=True).stdout.decode().strip()
            # Inserted as a line of its own (keys are sorted: after "seq"), so nothing else in the file moves.
            text = path.read_text(encoding="utf-8")
            seq = f'    "seq": {event["seq"]},\n'
            if '"signature"' in text or text.count(seq) != 1:
                sys.exit(f"{path}: already signed, or no single seq line to insert the signature after")
            text = text.replace(seq, seq + f'    "signature": {json.dumps(sig)},\n')
            event["signature"] = sig
            if json.loads(text) != event:
                sys.exit(f"{path}: the signed file does not read back as the event")
            path.write_text(text, encoding="utf-8")
        lines = ["# Who may sign review events for whom (git's allowed-signers format; see docs/reviews.md).",
                 "# The sample's keys are throwaway: their private halves were deleted after signing its history.",
                 "# Change this file only through a reviewed proposal that the governance council signs."]
        for author, key in sorted(keys.items()):
            pub = (key.parent / (key.name + ".pub")).read_text().split()
            lines.append(f'{author} namespaces="{NAMESPACE}" {pub[0]} {pub[1]} sample throwaway key')
        (ROOT / "reviews" / "allowed_signers").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"signed {len(files)} events by {len(keys)} authors")


if __name__ == "__main__":
    main()
