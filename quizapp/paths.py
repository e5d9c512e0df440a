"""Where the project's top-level folders (templates, static, migrations) live."""

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
REPO_ROOT = PACKAGE_DIR.parent
TEMPLATES_DIR = REPO_ROOT / "templates"
STATIC_DIR = REPO_ROOT / "static"
MIGRATIONS_DIR = REPO_ROOT / "migrations"
SAMPLES_DIR = PACKAGE_DIR / "samples"
