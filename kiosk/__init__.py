"""The ticket kiosk (máy bốc số) and dossier lookup kiosk.

Pure parts build what to show and do: `flow` (the screen state machine), `layout` (tile grids and
text fitting), `screens` (flow state → widgets with their touch targets), `i18n` (vi/en strings),
`tickets` (what the printer gets). `draw` paints widgets with pygame; `app` connects the flow to the
queue server (`queue_server.client.RealtimeClient`) and to `hw/` (printer, scanner). See docs/kiosk.md.
"""
