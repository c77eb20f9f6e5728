"""Call displays: the hall display (pygame), the dossier status board and the LED counter service.

Pure parts (model, announcer, layout, board) build what to show and say from the queue server's
LiveState; `draw` paints it with pygame; `app` and `leds` connect them to the server and `hw/`.
See docs/display.md.
"""
