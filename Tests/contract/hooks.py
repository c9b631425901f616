"""Schemathesis hooks for cqo-registry's contract run (Tests/contract/schemathesis.sh).

openapi.yaml states every constraint JSON Schema can express (patterns, enums, lengths, ranges). A few rules it
can only name, and this file teaches them to the generator or says exactly which refusals they explain:

- Formats (string `format` values openapi.yaml names): `uscc` (GB 32100-2015 check character), `resident-id-number`
  (GB 11643-1999: a real birth date and a check character) and `cursor` (opaque, only the server's own). Valid values
  of these cannot be drawn from a pattern, so they are generated here.
- Refusals that depend on state or on the caller rather than on the request's shape, dropped by `filter_failure`
  only for the "schema-valid request rejected" check (ST202) and only when every reason the problem gives is one of
  these; see `_refusal_explained`. A negation schemathesis cannot put on the wire (a "wrong type" CSV body) is
  dropped too.
- Long polls: a valid `wait` is shortened (see `map_query`).
"""

import base64
import datetime
import json

import schemathesis
from hypothesis import strategies as st

# MARK: - Formats

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def _uscc(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS))
    return first17 + USCC_ALPHABET[(31 - total % 31) % 31]


ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
ID_CHECK = "10X98765432"


def _resident_id(address: str, born: datetime.date, sequence: int) -> str:
    first17 = f"{address}{born:%Y%m%d}{sequence:03d}"
    return first17 + ID_CHECK[sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS)) % 11]


def _cursor(key: int) -> str:
    return base64.urlsafe_b64encode(f"k1:{key}".encode()).decode().rstrip("=")


schemathesis.openapi.format(
    "uscc", st.text(alphabet=USCC_ALPHABET, min_size=17, max_size=17).map(_uscc))
schemathesis.openapi.format(
    "resident-id-number",
    st.builds(
        _resident_id,
        st.from_regex(r"\A[1-8][0-9]{5}\Z"),
        st.dates(datetime.date(1940, 1, 1), datetime.date(2006, 12, 31)),
        st.integers(0, 999)))
schemathesis.openapi.format("cursor", st.integers(1, 10**9).map(_cursor))

# MARK: - Long polls

# GET /v1/events?wait=N may take N seconds (0–30) when nothing is new: a valid `wait` is shortened to at most one
# second, so that the run stays bounded and within the default 10 s response-time check. Invalid values (negative,
# above 30, not a number) are left as generated. The long poll itself is tested in EventFeedTests.


@schemathesis.hook
def map_query(context, query):
    if context.operation is not None and context.operation.path == "/v1/events" and isinstance(query, dict):
        wait = query.get("wait")
        if isinstance(wait, int) and not isinstance(wait, bool) and 1 < wait <= 30:
            query = dict(query, wait=1)
    return query


# MARK: - Refusals the schema cannot state

# (field, code) pairs a schema-valid request may be refused with, and why:
EXPLAINED = {
    # The same Idempotency-Key with another body (API.md): schemathesis reuses a header value across bodies.
    ("Idempotency-Key", "reused"),
    # Scope: a region or enterprise outside the caller's token (the schema cannot know the token).
    ("region_code", "out_of_scope"),
    ("population", "out_of_scope"),
    ("uscc", "immutable"),  # a merge patch may repeat the path's USCC, not name another
    ("person_id", "not_filed"),
    # Dates bounded by the appointment's own dates (from appointed_on or registered_on to today).
    ("registered_on", "range"),
    ("ended_on", "range"),
    ("occurred_on", "range"),  # an exam for a person with no filed appointment in the caller's region
    ("uscc", "not_found"),  # an enterprise token for an enterprise that is not on the roster in the region
    # A session's attendance: hours at most the session's own hours, each person once (other resources' state).
    ("hours", "range"),
    ("person_id", "duplicate"),
    ("person_id", "not_found"),
    ("session_id", "not_found"),
    # Documents and attachments: the bytes must be the declared PDF/JPEG/PNG (content sniffing, not shape).
    ("body", "required"),
    ("attachment.content_base64", "format"),
}


def _field_tail(field: str) -> str:
    # `[0].hours` -> `hours`; `person.id_number` stays whole.
    return field.split("].", 1)[1] if field.startswith("[") and "]." in field else field


DOCUMENT_PATHS = {"/v1/appointments/{id}/documents/{kind}", "/v1/reports"}


def _refusal_explained(case, response) -> bool:
    status = response.status_code
    if status in (412, 428):
        # Conditional requests: If-Match is stale (412) or required because the resource now exists (428).
        return True
    if status == 415 and case.operation.path in DOCUMENT_PATHS and "declared" in response.text:
        return True  # the bytes are not the document type declared
    if status != 422:
        return False
    try:
        problem = json.loads(response.text)
    except ValueError:
        return False
    errors = problem.get("errors") or []
    if not errors:
        return False
    if (case.media_type or "").startswith("text/csv") and all("line" in e for e in errors):
        return True  # a CSV's lines are validated one by one; JSON Schema sees only a string
    query = case.query or {}
    body = case.body if isinstance(case.body, dict) else {}
    for error in errors:
        field, code = _field_tail(error.get("field", "")), error.get("code")
        if (field, code) in EXPLAINED:
            continue
        if field in ("cursor", "after") and code == "format" and not _is_server_cursor(query.get(field), case):
            continue  # not a cursor this server could have given out (the pattern cannot say so)
        if code == "range" and (
            _before(query, "to", "from")
            or _before(body, "ends_on", "starts_on")
            or _before(body, "deregistered_on", "registered_on")
        ):
            continue  # an end before its start: a relation between two fields
        if code == "range" and field in ("from", "to") and _months_between(query) > 120:
            continue  # a trend spans at most 120 month ends: a relation between two parameters
        email = (body.get("person") or {}).get("email") if isinstance(body.get("person"), dict) else None
        if field == "person.email" and code == "length" and len(str(email or "").encode()) > 254:
            continue  # at most 254 bytes of UTF-8; maxLength counts characters
        if code == "range" and _is_future_date((body or query).get(field)):
            continue  # a date after today: the bound moves with the clock
        if field == "year" and code == "range" and _int((body or query).get(field)) > _china_today().year:
            continue  # a recognition's year is at most this year: the bound moves with the clock
        return False
    return True


# Lists whose cursor names a USCC; the others name an id.
USCC_KEYED = {"/v1/coverage/worklist"}


def _is_server_cursor(value, case) -> bool:
    try:
        text = base64.urlsafe_b64decode(str(value) + "=" * (-len(str(value)) % 4)).decode()
    except ValueError:
        return False
    key = text[3:]
    if not text.startswith("k1:"):
        return False
    if case.operation.path in USCC_KEYED:
        return len(key) == 18 and all(c in USCC_ALPHABET for c in key) and _uscc(key[:17]) == key
    return key.isdigit()


def _before(values: dict, end: str, start: str) -> bool:
    # A missing end is today (a trend's `to`); a missing start makes no relation.
    return start in values and str(values.get(end, _china_today().isoformat())) < str(values[start])


def _months_between(query: dict) -> int:
    try:
        start = datetime.date.fromisoformat(str(query["from"]))
        end = datetime.date.fromisoformat(str(query.get("to", _china_today().isoformat())))
    except (KeyError, ValueError):
        return 0
    return (end.year - start.year) * 12 + end.month - start.month


def _int(value) -> int:
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _china_today() -> datetime.date:
    return (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=8)).date()


def _is_future_date(value) -> bool:
    try:
        day = datetime.date.fromisoformat(str(value)[:10])
    except ValueError:
        return False
    return day > _china_today()


@schemathesis.hook
def filter_failure(context, failure, case, response):
    code = getattr(failure, "code", "")
    if code == "ST202" and response is not None and _refusal_explained(case, response):
        return False
    if code == "ST201" and (case.media_type or "").startswith("text/csv"):
        return False  # every CSV body is a string on the wire: a "wrong type" negation cannot be sent
    return True
