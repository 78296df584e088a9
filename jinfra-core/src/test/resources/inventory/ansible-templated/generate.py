#!/usr/bin/env python3
"""Asks real Ansible for every variable in variables.txt on every host of hosts.ini and writes expected.json.

Each value is what `{{ NAME | to_json }}` gives in a debug task's msg: the variable evaluated as Ansible
evaluates it inside an expression of a play (a template, a task's arguments), in the host's variables, with its
type (`"{{ app_port }}"` gives the number there; only a whole task argument is made text). A variable Ansible cannot evaluate gets {"error": first line of its message}
(the Java test only checks that jinfra refuses it too: jinfra words its messages itself); one that is
undefined gets {"undefined": true}. Run once by hand (python3 generate.py, with ansible-core installed) when
a case is added; the output is committed so the Java tests need neither Ansible nor Python.
"""
import json
import os
import pathlib
import subprocess
import tempfile

HERE = pathlib.Path(__file__).resolve().parent

PLAYBOOK = """
- hosts: all
  gather_facts: false
  tasks:
"""

# One task per variable: a variable Ansible refuses fails its own task only.
TASK = """
    - name: %s
      debug:
        msg: "{{ %s | to_json }}"
      ignore_errors: true
"""


def main():
    names = [n for n in (HERE / "variables.txt").read_text().split() if n]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / "play.yml").write_text(PLAYBOOK + "".join(TASK % (n, n) for n in names), encoding="utf-8")
        (tmp / "ansible.cfg").write_text("", encoding="utf-8")
        env = dict(os.environ, ANSIBLE_CONFIG=str(tmp / "ansible.cfg"), ANSIBLE_STDOUT_CALLBACK="json",
                   ANSIBLE_NOCOLOR="1")
        run = subprocess.run(
            ["ansible-playbook", "-i", str(HERE / "hosts.ini"), "--vault-password-file",
             str(HERE / "password.txt"), str(tmp / "play.yml")],
            env=env, capture_output=True, text=True, check=False, cwd=tmp)
        report = json.loads(run.stdout[run.stdout.index("{"):])
    expected = {}
    for name, task in zip(names, report["plays"][0]["tasks"]):
        for host, item in task["hosts"].items():
            message = item.get("msg", "")
            if not item.get("failed"):
                entry = {"value": json.loads(message)}
            elif "'%s' is undefined" % name in message:
                entry = {"undefined": True}
            else:
                entry = {"error": message.strip().splitlines()[0][:200]}
            expected.setdefault(host, {})[name] = entry
    (HERE / "expected.json").write_text(json.dumps(expected, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
