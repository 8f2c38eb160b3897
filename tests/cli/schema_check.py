"""schema_check.py: validates configurations against translint's JSON
Schema (tests/cli/schema.sh runs it).

    schema_check.py SCHEMA FILE...      each FILE a YAML configuration
    schema_check.py SCHEMA --docs MD... the ```yaml blocks of the Markdown
                                        files that are configurations

YAML is read as 1.2 reads it (the YAML language server's default): only
true and false are booleans, so `heading-punctuation: off` is the string
translint reads. A block is a configuration when it is a map holding at
least one of the schema's top-level keys (the loader's own test for a
file reached through extends). Prints one line per document, "ok NAME"
or "FAIL NAME: why", and exits 1 when one failed.
"""
import re
import sys

import jsonschema
import yaml


class Loader(yaml.SafeLoader):
    pass


Loader.yaml_implicit_resolvers = {
    k: [r for r in v if r[0] != "tag:yaml.org,2002:bool"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
Loader.add_implicit_resolver(
    "tag:yaml.org,2002:bool",
    re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"),
)


def blocks(path):
    """(name, text) of each ```yaml block of Markdown file PATH."""
    lines = open(path, encoding="utf-8").read().split("\n")
    i = 0
    while i < len(lines):
        m = re.match(r"^(\s*)```ya?ml\s*$", lines[i])
        if not m:
            i += 1
            continue
        indent, start = len(m.group(1)), i + 1
        j = start
        while j < len(lines) and not re.match(r"^\s*```\s*$", lines[j]):
            j += 1
        yield "%s:%d" % (path, start), "\n".join(l[indent:] for l in lines[start:j])
        i = j + 1


def main():
    schema = __import__("json").load(open(sys.argv[1], encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    v = jsonschema.Draft7Validator(schema)
    keys = set(schema["properties"])
    docs = sys.argv[2] == "--docs"
    todo = []
    for f in sys.argv[3 if docs else 2 :]:
        if docs:
            todo += list(blocks(f))
        else:
            todo.append((f, open(f, encoding="utf-8").read()))
    failed = 0
    for name, text in todo:
        try:
            data = yaml.load(text, Loader=Loader)
        except yaml.YAMLError as e:
            if docs:
                continue  # not YAML we can read: no configuration
            print("FAIL %s: YAML: %s" % (name, str(e).replace("\n", " ")))
            failed += 1
            continue
        if docs and not (isinstance(data, dict) and keys & set(data)):
            continue
        errors = sorted(v.iter_errors(data), key=lambda e: list(e.path))
        if errors:
            e = errors[0]
            print("FAIL %s: at %s: %s" % (name, "/".join(map(str, e.path)), e.message[:300]))
            failed += 1
        else:
            print("ok %s" % name)
    sys.exit(1 if failed else 0)


main()
