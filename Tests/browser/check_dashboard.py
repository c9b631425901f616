#!/usr/bin/env python3
"""Checks a dumped dashboard DOM against the API (used by dashboard.sh): every element with data-check="view|key|field"
must show the API's figure; the page must be ready and record no error; Chromium must log no console error."""
import argparse
import html.parser
import json
import os
import re
import sys
import urllib.request


class Figures(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.checks, self.stack, self.errors_text, self.ready, self.in_errors = [], [], "", False, False
        self.names, self.name_item = {}, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body" and a.get("data-ready") == "true":
            self.ready = True
        if a.get("id") == "errors":
            self.in_errors = True
        if "data-name" in a:
            self.name_item = a["data-name"]
            self.names[self.name_item] = ""
        if "data-check" in a:
            item = {"check": a["data-check"], "value": a.get("data-value"), "text": ""}
            self.checks.append(item)
            if tag not in ("circle",):
                self.stack.append((tag, item))

    def handle_endtag(self, tag):
        if tag == "span":
            self.name_item = None
        if self.stack and self.stack[-1][0] == tag:
            self.stack.pop()
        if tag == "pre":
            self.in_errors = False

    def handle_data(self, data):
        if self.name_item is not None:
            self.names[self.name_item] += data
        for _, item in self.stack:
            item["text"] += data
        if self.in_errors:
            self.errors_text += data


def api(base, token, path):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=30) as reply:
        return json.load(reply)


def main():
    ap = argparse.ArgumentParser()
    for name in ("--dom", "--base", "--token", "--chromium-log", "--screenshot"):
        ap.add_argument(name, required=True)
    ap.add_argument("--metric", default="appointment", choices=("appointment", "training"))
    args = ap.parse_args()
    page = Figures()
    page.feed(open(args.dom, encoding="utf-8").read())
    failures = []
    if not page.ready:
        failures.append("the page never finished loading its figures (body[data-ready] missing)")
    if page.errors_text.strip():
        failures.append("the page recorded errors: " + page.errors_text.strip())
    log = open(args.chromium_log, encoding="utf-8", errors="replace").read()
    # Chromium logs every console message as INFO:CONSOLE whatever its level; the dashboard logs nothing, so any
    # console line (console.error, an uncaught exception, a CSP violation) is a failure.
    console = [l for l in log.splitlines() if ":CONSOLE" in l]
    if console:
        failures.append("console errors:\n  " + "\n  ".join(console))
    if not os.path.exists(args.screenshot) or os.path.getsize(args.screenshot) < 10_000:
        failures.append("no screenshot")

    common = f"manufacturing=true&metric={args.metric}"
    size = api(args.base, args.token, f"/v1/coverage?group_by=size_class&{common}")
    town = api(args.base, args.token, f"/v1/coverage?group_by=region&{common}")
    trend = api(args.base, args.token, f"/v1/coverage/trend?{common}")
    expected = {}
    for view, answer in (("size_class", size), ("region", town)):
        for g in answer["groups"]:
            for field in ("total", "covered", "ratio", "shortfall"):
                expected[f"{view}|{g['key']}|{field}"] = g[field]
    for field in ("total", "covered", "ratio"):
        expected[f"total||{field}"] = size["total"][field]
    for point in trend["points"]:
        expected[f"trend|{point['as_of']}|ratio"] = point["total"]["ratio"]

    seen = set()
    for item in page.checks:
        key = item["check"]
        seen.add(key)
        if key not in expected:
            failures.append(f"{key}: on screen but not in the API's answer")
            continue
        want = expected[key]
        if item["value"] is not None:
            got = item["value"]
            same = (got == "" and want is None) or (got != "" and want is not None and float(got) == float(want))
        else:
            digits = re.sub(r"[^0-9]", "", item["text"])
            same = digits == str(want)
        if not same:
            failures.append(f"{key}: screen {item['value'] if item['value'] is not None else item['text']!r}, API {want!r}")
    missing = sorted(set(expected) - seen)
    if missing:
        failures.append("figures of the API not on screen: " + ", ".join(missing[:10]))
    # Region names (GET /v1/regions): every town the API names is shown by that name beside its code.
    named = {g["key"]: g["name"] for g in town["groups"] if g.get("name")}
    if not named:
        failures.append("the API named no town of the by-town answer")
    for key, name in named.items():
        if page.names.get(key) != name:
            failures.append(f"town {key}: screen name {page.names.get(key)!r}, API {name!r}")
    shortfalls = [g for g in size["groups"] if g["shortfall"]]
    dom = open(args.dom, encoding="utf-8").read()
    if size["metric"] != args.metric:
        failures.append(f"the API answered metric {size['metric']!r}, not {args.metric!r}")
    if not 0 < size["total"]["covered"] < size["total"]["total"]:
        failures.append(f"the demo's {args.metric} figures are trivial: {size['total']}")
    label = "已培训" if args.metric == "training" else "已覆盖"
    if f">{label}<" not in dom:
        failures.append(f"the {args.metric} labels ({label}) are not on screen")
    for g in shortfalls:
        if f"还需 {g['shortfall']} 家企业" not in dom:
            failures.append(f"size class {g['key']}: shortfall text 还需 {g['shortfall']} 家企业 missing")
    if failures:
        print("dashboard check FAILED:\n- " + "\n- ".join(failures), file=sys.stderr)
        sys.exit(1)
    print(f"dashboard check ({args.metric}): {len(page.checks)} figures on screen equal the API's; "
          f"{len(named)} town names; {len(shortfalls)} shortfall texts; no errors")


if __name__ == "__main__":
    main()
