from hpia.cli import entry

entry()
