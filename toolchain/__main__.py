"""`python -m toolchain` runs the tei-tool CLI."""
from toolchain.cli import main

main()
