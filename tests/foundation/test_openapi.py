"""The OpenAPI document at ``/api/v1/openapi.json`` describes exactly the ``/api/v1`` routes of the app."""
from __future__ import annotations

import re

METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"}


def _routes(app) -> set[tuple[str, str]]:
    routes = set()
    for rule in app.url_map.iter_rules():
        if rule.rule.startswith("/api/v1/"):
            path = re.sub(r"<(?:\w+(?:\([^)]*\))?:)?(\w+)>", r"{\1}", rule.rule)
            routes |= {(method.lower(), path) for method in rule.methods & METHODS}
    return routes


def test_every_api_route_is_documented_and_nothing_else(app, client):
    answer = client.get("/api/v1/openapi.json")
    assert answer.status_code == 200
    document = answer.get_json()
    assert document["openapi"].startswith("3.1")
    documented = {(method, path) for path, item in document["paths"].items() for method in item}
    assert documented == _routes(app)


def test_every_operation_documents_its_errors_and_path_parameters(client):
    document = client.get("/api/v1/openapi.json").get_json()
    for path, item in document["paths"].items():
        for method, operation in item.items():
            assert operation.get("operationId") and operation.get("summary"), (method, path)
            if path != "/api/v1/openapi.json":
                assert "400" in operation["responses"], (method, path)
            names = {parameter["name"] for parameter in operation.get("parameters", []) if parameter["in"] == "path"}
            assert names == set(re.findall(r"{(\w+)}", path)), (method, path)
            if "{" in path:
                assert "404" in operation["responses"], (method, path)
            if operation.get("security"):
                assert "401" in operation["responses"], (method, path)
