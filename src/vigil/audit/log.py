"""The append-only, hash-chained audit log.

Models that inherit `AuditedModel` are logged on every save and delete, whoever makes the change:
a view, the admin, a command or an importer. Who acted comes from `acting_as()` (set per request
by the middleware, and by commands) so the log never has to be written by hand for these models.
"""

import contextlib
import copy
import datetime
import functools
import hashlib
import json
from contextvars import ContextVar

from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, transaction
from django.db.models.signals import post_delete, post_save
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

from vigil.audit import checkpoints
from vigil.audit.models import GENESIS_HASH, AuditEntry
from vigil.model_validation import CheapValidation

_actor: ContextVar[tuple] = ContextVar("vigil_audit_actor", default=(None, "system"))
_suspended: ContextVar[bool] = ContextVar("vigil_audit_suspended", default=False)

# A fixed key for PostgreSQL's advisory lock that serialises appends to the chain.
_CHAIN_LOCK_KEY = 7_463_210_001


@contextlib.contextmanager
def acting_as(user=None, label: str | None = None):
    """Attribute every audited change inside the block to `user` (or to `label`)."""
    name = label or (user.get_username() if user is not None else "system")
    token = _actor.set((user, name))
    try:
        yield
    finally:
        _actor.reset(token)


@contextlib.contextmanager
def restoring():
    """A restore puts back rows and links the log already holds: log nothing while it runs."""
    token = _suspended.set(True)
    try:
        yield
    finally:
        _suspended.reset(token)


@functools.cache
def _choice_labels(field) -> dict:
    """{value: label} of a model field with fixed choices (labels stay lazy: translated when
    shown, in the reader's language)."""
    return dict(make_hashable(field.flatchoices))


class AuditedModel(CheapValidation):
    """Base for models whose every create, change and delete is written to the audit log."""

    # Fields too long for the log: logged as a hash and length.
    audit_summarised_fields: frozenset[str] = frozenset()
    # Bookkeeping a background job rewrites with update() many times a second (progress): not
    # logged, and so not compared with the log by `vigil verify`.
    audit_unlogged_fields: frozenset[str] = frozenset()
    # Personal data: the log says such a field changed, never what it held, so an erasure on
    # request leaves nothing of the person in the append-only log.
    audit_private_fields: frozenset[str] = frozenset()

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field):
        # Django rebuilds a field's choices as a dict at every call, and a list page calls it for
        # each row and column (half the figures table's time); fixed choices are built once.
        if not isinstance(field.choices, list | tuple):
            return super()._get_FIELD_display(field)
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field).get(make_hashable(value), value), strings_only=True)

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        # The values as loaded; the log's snapshot of them is made only if the object is saved:
        # most objects loaded are only shown, and a snapshot each (a JSON round trip, a hash of
        # every long text) was a quarter of a page's time. A JSON value is copied, as it could
        # be changed in place before a save.
        instance._audit_loaded_values = {
            name: copy.deepcopy(value) if isinstance(value, (dict, list)) else value
            for name, value in zip(field_names, values, strict=True)
        }
        instance._audit_private = instance.private_values()
        return instance

    def loaded_snapshot(self) -> dict:
        """The log's snapshot of the object as last loaded or saved (empty for a new one)."""
        if not hasattr(self, "_audit_loaded"):
            loaded = getattr(self, "_audit_loaded_values", None)
            self._audit_loaded = {} if loaded is None else self.audit_snapshot(loaded)
        return self._audit_loaded

    def private_values(self) -> dict:
        """The private fields' real values, kept in memory only to notice that they changed."""
        return {name: getattr(self, name, None) for name in self.audit_private_fields}

    def audit_installed(self) -> bool:
        """True for reference rows Vigil installs itself without logging (e.g. the states)."""
        return False

    def audit_repr(self) -> str:
        """How the log names the object; models holding personal data name it by number only."""
        return str(self)

    def audit_snapshot(self, values: dict | None = None) -> dict:
        """What the log holds of the object: its current values, or `values` (by attname)."""
        if values is None:
            deferred = self.get_deferred_fields()
            values = {
                f.attname: getattr(self, f.attname)
                for f in self._meta.concrete_fields
                if f.attname not in deferred
            }
        snapshot = {}
        for field in self._meta.concrete_fields:
            if field.attname not in values or field.name in self.audit_unlogged_fields:
                continue
            value = values[field.attname]
            if field.name in self.audit_private_fields:
                value = "(private)" if value not in (None, "") else ""
            elif field.name in self.audit_summarised_fields and value is not None:
                raw = str(value).encode()
                value = {"sha256": hashlib.sha256(raw).hexdigest(), "length": len(raw)}
            snapshot[field.name] = value
        # Round-trip through JSON so the stored and the hashed form are the same.
        return json.loads(json.dumps(snapshot, cls=DjangoJSONEncoder))


def _diff(before: dict, after: dict) -> dict:
    keys = before.keys() | after.keys()
    return {
        key: [before.get(key), after.get(key)]
        for key in sorted(keys)
        if before.get(key) != after.get(key)
    }


def record(
    action: str, instance: models.Model, changes: dict, *, object_repr: str = ""
) -> AuditEntry:
    """Append one entry to the chain. Safe under concurrent writers on PostgreSQL and SQLite."""
    user, name = _actor.get()
    # No savepoint of its own: an entry that fails must take the change it logs down with it.
    with transaction.atomic(savepoint=False):
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_CHAIN_LOCK_KEY])
        last_seq, last_hash = _chain_head()
        entry = AuditEntry(
            seq=last_seq + 1,
            at=datetime.datetime.now(tz=datetime.UTC),
            actor=user if user is not None and user.pk else None,
            actor_name=name[:200],
            action=action,
            model_label=instance._meta.label,
            object_pk=str(instance.pk),
            object_repr=(object_repr or instance.audit_repr())[:300],
            changes=changes,
            prev_hash=last_hash,
        )
        entry.entry_hash = entry.compute_hash()
        _insert(entry)
        checkpoints.after_append(entry)
    return entry


def _chain_head() -> tuple[int, str]:
    # Asked at every write: a plain query, without the ORM's cost of building it each time.
    table = connection.ops.quote_name(AuditEntry._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT seq, entry_hash FROM {table} ORDER BY seq DESC LIMIT 1")  # noqa: S608
        row = cursor.fetchone()
    return (row[0], row[1]) if row else (0, GENESIS_HASH)


def _insert(entry: AuditEntry) -> None:
    """Store a new entry with the values Django's save() would store (each field prepared as it
    prepares them), without building the statement anew at every write."""
    if not connection.features.can_return_columns_from_insert:
        entry.save()
        return
    fields = [f for f in AuditEntry._meta.concrete_fields if not f.primary_key]
    params = [f.get_db_prep_save(f.pre_save(entry, True), connection) for f in fields]
    with connection.cursor() as cursor:
        cursor.execute(_insert_statement(connection.vendor), params)
        entry.pk = cursor.fetchone()[0]
    entry._state.adding = False
    entry._state.db = connection.alias


@functools.cache
def _insert_statement(vendor: str) -> str:
    meta = AuditEntry._meta
    quote = connection.ops.quote_name
    names = [quote(f.column) for f in meta.concrete_fields if not f.primary_key]
    return (
        f"INSERT INTO {quote(meta.db_table)} ({', '.join(names)}) "  # noqa: S608 - names only
        f"VALUES ({', '.join(['%s'] * len(names))}) RETURNING {quote(meta.pk.column)}"
    )


def _on_save(sender, instance, created, raw=False, **kwargs):
    if raw or _suspended.get() or not isinstance(instance, AuditedModel):
        return
    after = instance.audit_snapshot()
    before = {} if created else instance.loaded_snapshot()
    changes = _diff(before, after)
    if not created:
        private_before = getattr(instance, "_audit_private", {})
        for name, value in instance.private_values().items():
            if name in private_before and private_before[name] != value and name not in changes:
                changes[name] = ["(private)", "(private, changed)"]
    instance._audit_private = instance.private_values()
    if changes or created:
        record(AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE, instance, changes)
    instance._audit_loaded = after


def _on_delete(sender, instance, **kwargs):
    if _suspended.get() or not isinstance(instance, AuditedModel):
        return
    record(AuditEntry.Action.DELETE, instance, _diff(instance.audit_snapshot(), {}))


def _on_m2m_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    """Roles and memberships are many-to-many links (a chapter's coordinators): log each change."""
    if action not in ("post_add", "post_remove", "post_clear") or _suspended.get():
        return
    audited = isinstance(instance, (AuditedModel, _user_model()))
    if not audited:
        return
    field = next(
        (
            f.name if not reverse else f.related_query_name()
            for f in (model if reverse else type(instance))._meta.many_to_many
            if f.remote_field.through is sender
        ),
        sender._meta.model_name,
    )
    verb = {"post_add": "added", "post_remove": "removed", "post_clear": "cleared"}[action]
    changes = {field: {verb: sorted(pk_set or [])}}
    record(AuditEntry.Action.UPDATE, instance, changes, object_repr=_repr(instance))


def _repr(instance) -> str:
    return instance.audit_repr() if isinstance(instance, AuditedModel) else str(instance)


# Accounts are Django's own model, so they are watched here rather than through AuditedModel.
_USER_FIELDS = ("username", "is_active", "is_staff", "is_superuser")
_USER_PRIVATE = ("email", "first_name", "last_name", "password")


def _user_model():
    from django.contrib.auth import get_user_model

    return get_user_model()


def _user_state(user) -> dict:
    return {name: getattr(user, name, None) for name in _USER_FIELDS + _USER_PRIVATE}


def _on_user_init(sender, instance, **kwargs):
    instance._audit_user_state = _user_state(instance) if instance.pk else {}


def _on_user_save(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or _suspended.get():
        return
    before = {} if created else getattr(instance, "_audit_user_state", {})
    after = _user_state(instance)
    changes = {}
    for name in _USER_FIELDS + _USER_PRIVATE:
        if before.get(name) != after[name]:
            if name in _USER_PRIVATE:
                changes[name] = ["(private)", "(private, changed)"]
            else:
                changes[name] = [before.get(name), after[name]]
    # A sign-in only touches last_login; that is the sign-in log's business, not this one's.
    if created or changes:
        action = AuditEntry.Action.CREATE if created else AuditEntry.Action.UPDATE
        record(action, instance, changes, object_repr=f"user #{instance.pk}")
    instance._audit_user_state = after


def _on_user_delete(sender, instance, **kwargs):
    if _suspended.get():
        return
    record(AuditEntry.Action.DELETE, instance, {}, object_repr=f"user #{instance.pk}")


def connect_signals():
    from django.db.models.signals import m2m_changed, post_init

    post_save.connect(_on_save, dispatch_uid="vigil_audit_save")
    post_delete.connect(_on_delete, dispatch_uid="vigil_audit_delete")
    m2m_changed.connect(_on_m2m_changed, dispatch_uid="vigil_audit_m2m")
    user_model = _user_model()
    post_init.connect(_on_user_init, sender=user_model, dispatch_uid="vigil_audit_user_init")
    post_save.connect(_on_user_save, sender=user_model, dispatch_uid="vigil_audit_user_save")
    post_delete.connect(_on_user_delete, sender=user_model, dispatch_uid="vigil_audit_user_del")


def verify_chain() -> list[str]:
    """Re-hash the whole chain; return one line per problem found (empty when intact)."""
    problems = []
    expected_prev = GENESIS_HASH
    expected_seq = 1
    for entry in AuditEntry.objects.order_by("seq").iterator(chunk_size=2000):
        if entry.seq != expected_seq:
            problems.append(f"audit entry #{expected_seq} is missing (next is #{entry.seq})")
        if entry.prev_hash != expected_prev:
            problems.append(f"audit entry #{entry.seq} does not follow the entry before it")
        if entry.compute_hash() != entry.entry_hash:
            problems.append(f"audit entry #{entry.seq} was altered (its hash does not match)")
        expected_prev = entry.entry_hash
        expected_seq = entry.seq + 1
    return problems
