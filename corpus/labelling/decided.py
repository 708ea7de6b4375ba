"""What the labelling scripts share: reading the readers' JSON lines, taking the decided label of
two readers and an adjudicator, and keeping every quote of a log out of a reason."""
import json
import os
import re

QUOTE = re.compile(r"'[^']{3,}'|\"[^\"]{3,}\"|‘[^’]{3,}’|“[^”]{3,}”")


def clean(why):
    """One line, with every quote of the log replaced by […] (no text from a log ships)."""
    return QUOTE.sub('[…]', ' '.join(why.split()))


def lines(path):
    """The JSON objects of a JSON-lines file, blank lines left out."""
    with open(path, encoding='utf-8') as f:
        return [json.loads(l) for l in f if l.strip()]


def by(path, key):
    """A JSON-lines file's objects keyed by one field (objects without it, such as a reader's
    persona lines among session lines, left out); {} when the file does not exist."""
    return {x[key]: x for x in lines(path) if key in x} if os.path.exists(path) else {}


def decide(a, b, adjudicated, field):
    """(decided label, 'agreed' or 'adjudicated', runner-up, reason) for one item whose two readers'
    labels are a and b; the adjudicator's entry decides when they differ."""
    if a[field] == b[field]:
        runner = a['runner_up'] if a['runner_up'] != a[field] else b['runner_up']
        return a[field], 'agreed', runner, a['why']
    d = adjudicated
    return d[field], 'adjudicated', d['runner_up'], d['why']
