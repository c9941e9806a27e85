from pantau.cli.main import run

run()
