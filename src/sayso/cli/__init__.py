"""The command line: thin typer commands, each calling one library function (see main.py)."""
