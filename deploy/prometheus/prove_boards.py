#!/usr/bin/env python3
"""The checking half of prove-boards.sh (standard library only).

  prove_boards.py check PROMETHEUS_URL DASHBOARD_DIR
      Evaluates every query of every Grafana panel in DASHBOARD_DIR and every rule Prometheus has
      loaded (GET /api/v1/rules) through GET /api/v1/query, prints each query with the series it
      returned, and exits 1 if any query errors, names a metric Prometheus has never scraped
      (/api/v1/label/__name__/values), or - for a panel - returns no series at all. An alert rule may
      return nothing (it is not firing); its metrics must exist all the same.

  prove_boards.py redeem CLIENTS_ENV BENEFIT_URL
      Redeems one of demo-li-lei's upgrade coupons at checkout, as the shop's checkout would, with a
      token from the local run's issuer (CLIENTS_ENV is .local-run/clients.env).
"""
import base64
import json
import pathlib
import re
import sys
import urllib.parse
import urllib.request

# Grafana's variables, as the proof substitutes them: a board's own variables are used as
# label=~"$name" and match everything; the rate window covers the whole proof run.
BUILTINS = {"__rate_interval": "10m", "__interval": "1m", "__range": "10m"}
VARIABLE_VALUE = ".*"

KEYWORDS = {"by", "without", "on", "ignoring", "group_left", "group_right", "offset", "bool",
            "and", "or", "unless", "atan2", "inf", "nan"}


def substitute(expr):
    def value(match):
        name = match.group(1) or match.group(2)
        return BUILTINS.get(name, VARIABLE_VALUE)
    return re.sub(r"\$\{(\w+)(?::\w+)?\}|\$(\w+)", value, expr)


def metric_names(expr):
    """The metric names a PromQL expression selects (a small lexer, enough for these queries)."""
    text = re.sub(r'"(?:\\.|[^"\\])*"', '""', expr)                         # strings
    text = re.sub(r"\{[^}]*\}", " ", text)                                   # label matchers
    text = re.sub(r"\[[^\]]*\]", " ", text)                                  # ranges, subqueries
    text = re.sub(r"\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)", " ", text)
    text = re.sub(r"\boffset\s+\w+", " ", text)
    names = set()
    for match in re.finditer(r"[A-Za-z_:][A-Za-z0-9_:]*", text):
        word = match.group(0)
        following = text[match.end():].lstrip()
        if following.startswith("(") or word.lower() in KEYWORDS:
            continue                                                         # a function or keyword
        if re.fullmatch(r"\d+[smhdwy]", word):
            continue
        names.add(word)
    return names


def get(url):
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)


def query(prometheus, expr):
    url = prometheus + "/api/v1/query?" + urllib.parse.urlencode({"query": expr})
    try:
        body = get(url)
    except urllib.error.HTTPError as e:
        body = json.load(e)
    if body.get("status") != "success":
        return None, body.get("error", "unknown error")
    data = body["data"]
    result = data["result"]
    if data["resultType"] == "scalar":
        result = [{"value": result}]
    return result, None


def panel_queries(dashboard_dir):
    for path in sorted(pathlib.Path(dashboard_dir).glob("*.json")):
        board = json.loads(path.read_text(encoding="utf-8"))
        panels = list(board.get("panels", []))
        while panels:
            panel = panels.pop(0)
            panels.extend(panel.get("panels", []))                           # collapsed rows
            for target in panel.get("targets", []):
                if target.get("expr"):
                    yield f"{path.stem} / {panel.get('title')} [{target.get('refId')}]", target["expr"]


def rule_queries(prometheus):
    for group in get(prometheus + "/api/v1/rules")["data"]["groups"]:
        for rule in group["rules"]:
            yield f"{group['name']} / {rule.get('name')} ({rule['type']} rule)", rule["query"]


def check(prometheus, dashboard_dir):
    known = set(get(prometheus + "/api/v1/label/__name__/values")["data"])
    failures, absent = [], {}
    items = [(what, expr, True) for what, expr in panel_queries(dashboard_dir)]
    rules = [(what, expr, False) for what, expr in rule_queries(prometheus)]
    if not rules:
        failures.append("Prometheus has loaded no rules")
    for what, expr, must_return in items + rules:
        expr = substitute(expr)
        missing = sorted(metric_names(expr) - known)
        result, error = query(prometheus, expr)
        if error:
            verdict = "ERROR " + error
        elif missing:
            verdict = "METRIC ABSENT " + ", ".join(missing)
        elif must_return and not result:
            verdict = "EMPTY"
        else:
            verdict = "ok"
        count = "-" if result is None else len(result)
        numbers = "" if result is None else sum(1 for r in result if r["value"][1] not in ("NaN", "+Inf", "-Inf"))
        print(f"{verdict:<6} series={count} (with a number: {numbers})  {what}")
        print("       " + " ".join(expr.split()))
        for name in missing:
            absent.setdefault(name, []).append(what)
        if verdict != "ok":
            failures.append(f"{what}: {verdict}")
    print()
    print(f"{len(items)} panel queries and {len(rules)} rule queries evaluated against {prometheus}")
    if absent:
        print("Metrics named by a query but never scraped (a meter not registered, or not yet used):")
        for name, where in sorted(absent.items()):
            print(f"  {name}  ({len(where)} queries)")
    if failures:
        print(f"FAILED: {len(failures)} queries")
        for failure in failures:
            print("  " + failure)
        return 1
    print("PASSED: every query evaluates, names only scraped metrics, and every panel has data")
    return 0


def redeem(clients_env, benefit_url):
    settings = dict(line.split("=", 1) for line in pathlib.Path(clients_env).read_text().splitlines()
                    if "=" in line and not line.startswith("#"))
    issuer = settings["LOYALTY_ISSUER"]

    def token(client, secret, scope):
        request = urllib.request.Request(
            issuer + "/oauth2/token",
            data=urllib.parse.urlencode({"grant_type": "client_credentials", "scope": scope}).encode(),
            headers={"Authorization": "Basic " + base64.b64encode(f"{client}:{secret}".encode()).decode()})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)["access_token"]

    def call(url, bearer, body=None):
        request = urllib.request.Request(url, headers={"Authorization": "Bearer " + bearer, "Content-Type": "application/json"},
                                         data=None if body is None else json.dumps(body).encode())
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.load(response)

    support = token("support-console", settings["SUPPORT_CONSOLE_SECRET"], "loyalty.support.read")
    benefits = call(benefit_url + "/members/demo-li-lei/benefits", support)
    coupon = next(b for b in benefits if b["kind"] == "UPGRADE_GIFT" and b["status"] == "ACTIVE")
    checkout = token("checkout", settings["CHECKOUT_SECRET"], "loyalty.checkout")
    redemption = call(benefit_url + "/benefits/redemptions", checkout, {
        "requestId": "prove-boards-1", "orderId": "BOARDS-9001", "memberId": "demo-li-lei",
        "benefitId": coupon["benefitId"], "orderAmount": {"value": "100.00", "currency": "CNY"}, "channel": "APP"})
    print(f"redeemed {coupon['code']} of demo-li-lei at checkout: {redemption['status']}")
    return 0


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "check":
        sys.exit(check(sys.argv[2].rstrip("/"), sys.argv[3]))
    if len(sys.argv) == 4 and sys.argv[1] == "redeem":
        sys.exit(redeem(sys.argv[2], sys.argv[3].rstrip("/")))
    print(__doc__, file=sys.stderr)
    sys.exit(2)
