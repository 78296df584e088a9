#!/usr/bin/env python3
"""Renders every cases/<name>.j2 with vars.json using real Jinja2 and writes cases/<name>.expected.

Run once by hand (python3 generate.py) when a case is added; the outputs are committed so the Java tests
need no Python. The environment matches what pyinfra's files.template uses: the trailing newline is kept
and undefined variables are errors.
"""
import json
import pathlib

import jinja2

HERE = pathlib.Path(__file__).resolve().parent


def main():
    variables = json.loads((HERE / "vars.json").read_text(encoding="utf-8"))
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "cases")),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    for case in sorted((HERE / "cases").glob("*.j2")):
        out = env.get_template(case.name).render(**variables)
        case.with_suffix(".expected").write_text(out, encoding="utf-8", newline="")
        print(case.stem)


if __name__ == "__main__":
    main()
