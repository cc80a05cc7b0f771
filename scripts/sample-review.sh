#!/bin/bash
# Writes the sample mesh's review of orders.order_events 2.0.0 (resources/sample-mesh/reviews/) again,
# with the same people, texts and times, into MESH: a copy of the sample mesh without its reviews/
# folder. Needed when the proposal file changes (its hash is in every vote). Usage:
#   cp -r resources/sample-mesh /tmp/sm && rm -rf /tmp/sm/reviews && scripts/sample-review.sh /tmp/sm
#   rm -rf resources/sample-mesh/reviews && cp -r /tmp/sm/reviews resources/sample-mesh/
set -e
B=${MESHSCOPE:-build/app/meshscope}
S=$1
C=$(mktemp -d)/cache.sqlite
R=orders.order_events@2.0.0
rv() { $B review "$@" --source "$S" --cache $C > /dev/null; }
rv propose "$S/contracts/orders/orders.order_events.v2.proposed.odcs.yaml" --as tom.achebe@northwind.example --name "Tom Achebe" --at 2026-11-12T15:52:00Z \
  -m "Order events 2.0.0 for the order service re-platforming

order_id becomes the UUID of the new order service, and legacy_status_code of the retired ERP goes.
promised_delivery_date is new. The old order service stops writing numeric ids on 2027-03-01."
rv comment $R --as ines.costa@northwind.example --name "Ines Costa" --at 2026-11-13T08:14:00Z --field schema.order_events.properties.order_id.logicalType \
  -m "Our velocity features key on the numeric order number. Will there be a mapping from the old numbers to the UUIDs, and for how long?"
Q=$(ls $S/reviews/orders.order_events/2.0.0/ | grep commented | head -1 | sed 's/.*commented-\(........\).*/\1/')
rv comment $R --as tom.achebe@northwind.example --name "Tom Achebe" --at 2026-11-13T10:02:00Z --reply-to $Q \
  -m "Yes: orders.order_id_map (numeric number -> UUID) stays published for as long as 1.3.0 does, until its sunset."
rv approve $R --as maria.keller@northwind.example --name "Maria Keller" --at 2026-11-13T16:30:00Z \
  -m "Agreed with the order service team. 1.3.0 stays published until its sunset date."
rv request-changes $R --as fatima.haddad@northwind.example --name "Fatima Haddad" --at 2026-11-14T09:05:00Z --field schema.order_events.properties.legacy_status_code \
  -m "Shipments still maps legacy_status_code to carrier return codes. Please keep it until we have moved to event_type (two sprints)."
F=$(ls $S/reviews/orders.order_events/2.0.0/ | grep changes-requested | sed 's/.*requested-\(........\).*/\1/')
rv comment $R --as tom.achebe@northwind.example --name "Tom Achebe" --at 2026-11-14T11:20:00Z --reply-to $F \
  -m "The move to event_type is tracked in FUL-231. Shipments can keep reading 1.3.0, with legacy_status_code, until the sunset."
rv submit $R --as tom.achebe@northwind.example --name "Tom Achebe" --at 2026-11-14T11:22:00Z \
  -m "Unchanged; see the answer on legacy_status_code. Please review again."
rv approve $R --as fatima.haddad@northwind.example --name "Fatima Haddad" --at 2026-11-15T10:00:00Z \
  -m "Fine with reading 1.3.0 until the sunset."
rv approve $R --as sofia.marquez@northwind.example --name "Sofia Marquez" --at 2026-11-16T09:40:00Z \
  -m "The points ledger only reads order_total and event_type."
rv approve $R --as marcus.young@northwind.example --name "Marcus Young" --at 2026-11-17T14:10:00Z \
  -m "Fine for the revenue model as long as the id map exists." || true
rv approve $R --as ines.costa@northwind.example --name "Ines Costa" --at 2026-11-18T08:30:00Z \
  -m "With the id map this works for fraud scoring."
