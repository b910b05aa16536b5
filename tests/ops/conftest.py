import pytest

from tests.ops.processes import copy_data_dir, migrate_into


@pytest.fixture(scope="session")
def migrated_template(tmp_path_factory):
    """A data directory with a migrated SQLite database, made once and copied for each test."""
    template = tmp_path_factory.mktemp("migrated") / "data"
    template.mkdir()
    migrate_into(template)
    return template


@pytest.fixture
def data_dir(migrated_template, tmp_path):
    return copy_data_dir(migrated_template, tmp_path / "data")
