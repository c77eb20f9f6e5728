"""JSON answers keep their keys in the order the code gives them."""
def test_rest_json_keeps_the_order_of_keys(centre, admin):
    """Report columns come back in their order (Flask sorts keys by default)."""
    import json
    body = admin.get("/api/reports/dossiers?month=2026-11").get_data(as_text=True)
    total = json.loads(body)["total"]
    from queue_server.reporting.phu_luc_1 import COLUMNS
    assert list(total) == list(COLUMNS)
    assert body.index('"received"') < body.index('"carried_over"') < body.index('"level_3_4"')
