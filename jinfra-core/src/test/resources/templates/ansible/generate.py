#!/usr/bin/env python3
"""Renders every cases/<name>.j2 with real Ansible (its template module) and writes what it gives.

Each case is rendered for host web1.example.com of inventory.yml, with vars.json as extra variables (the deploy's
own variables in jinfra, which also sit over the host's data). A case Ansible renders gets cases/<name>.expected
with the output; a case Ansible rejects gets cases/<name>.error instead, with the first line of Ansible's message
(the Java test only checks that jinfra rejects it too: jinfra words its messages itself). Run once by hand
(python3 generate.py, with ansible-core installed) when a case is added; the outputs are committed so the Java
tests need neither Ansible nor Python. Ansible's defaults apply: trim_blocks on, ansible_managed "Ansible
managed", no ansible.cfg (ANSIBLE_CONFIG points at an empty file).
"""
import json
import os
import pathlib
import subprocess
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
HOST = "web1.example.com"

PLAYBOOK = """
- hosts: {host}
  gather_facts: false
  tasks:
    - name: render
      template:
        src: "{{{{ item }}}}"
        dest: "{out}/{{{{ item | basename }}}}.out"
      loop: {cases}
      ignore_errors: true
"""


def main():
    cases = sorted((HERE / "cases").glob("*.j2"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        playbook = tmp / "play.yml"
        playbook.write_text(
            PLAYBOOK.format(host=HOST, out=tmp, cases=json.dumps([str(c) for c in cases])), encoding="utf-8")
        (tmp / "ansible.cfg").write_text("", encoding="utf-8")
        # lookup('template', ...) looks in the playbook's templates/ directory: the cases' own.
        (tmp / "templates").symlink_to(HERE / "cases")
        env = dict(os.environ, ANSIBLE_CONFIG=str(tmp / "ansible.cfg"), ANSIBLE_STDOUT_CALLBACK="json",
                   ANSIBLE_NOCOLOR="1")
        env.pop("JINFRA_UNSET_FOR_TEMPLATE_TESTS", None)
        run = subprocess.run(
            ["ansible-playbook", "-i", str(HERE / "inventory.yml"), "-e", "@" + str(HERE / "vars.json"),
             str(playbook)],
            env=env, capture_output=True, text=True, check=False)
        report = json.loads(run.stdout[run.stdout.index("{"):])
        results = report["plays"][0]["tasks"][0]["hosts"][HOST]["results"]
        for case, result in zip(cases, results):
            assert result["item"] == str(case), (result["item"], case)
            expected, error = case.with_suffix(".expected"), case.with_suffix(".error")
            if result.get("failed"):
                message = result.get("msg", "failed").strip().splitlines()[0]
                error.write_text(message + "\n", encoding="utf-8")
                expected.unlink(missing_ok=True)
                print(case.stem, "(rejected)", message)
                continue
            out = (tmp / (case.name + ".out")).read_bytes()
            expected.write_bytes(out)
            error.unlink(missing_ok=True)
            print(case.stem)


if __name__ == "__main__":
    main()
