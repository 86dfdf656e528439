"""`python -m quotecli`: the same entry point as the console script."""
from .cli import run

if __name__ == "__main__":  # not when a spawned worker process re-imports this module
    run()
