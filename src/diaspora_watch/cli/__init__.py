"""The ``diaspora-watch`` command line: a thin skin over the core packages.

Each module in this package registers its commands through ``register(app)``; this is the
only package that prints, prompts or exits.
"""

from __future__ import annotations

import os

# One BLAS thread unless the user says otherwise: natasha's NER is ~20x slower on a busy
# machine when OpenBLAS spreads tiny matrix products over every core. Set before numpy loads.
for _var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import importlib  # noqa: E402
import pkgutil  # noqa: E402

import typer  # noqa: E402

app = typer.Typer(
    name="diaspora-watch",
    help="Watch the news for legal pressure on diaspora and migrant communities.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

for _info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
    if not _info.name.startswith("_"):
        importlib.import_module(f"{__name__}.{_info.name}").register(app)


def main() -> None:
    app()
