"""The people the tests sign in as: one name per role, the same in every test folder.

- alice, a researcher of the test case: reads and edits it, confidential sources included;
- bob, a viewer of the test case: reads it, but not its confidential sources, and edits nothing;
- dora, a second researcher of the test case: reviews what alice records (two-person review);
- carol, a coordinator of the Berlin chapter: runs it and sees its people's personal data;
- vera, a volunteer of the Berlin chapter: sees the campaign, never personal data;
- root, an administrator.

The fixtures of the same names (tests/conftest.py, tests/campaigns/conftest.py) make them.
"""

from django.contrib.auth import get_user_model

from vigil.cases.models import CaseMembership

PASSWORD = "correct horse battery staple"


def _user(username: str, **fields):
    return get_user_model().objects.create_user(username, password=PASSWORD, **fields)


def give_role(user, case, role=CaseMembership.Role.RESEARCHER):
    CaseMembership.objects.update_or_create(case=case, user=user, defaults={"role": role})
    user.__dict__.pop("_vigil_case_roles", None)
    return user


def alice(case):
    return give_role(_user("alice"), case, CaseMembership.Role.RESEARCHER)


def bob(case):
    return give_role(_user("bob"), case, CaseMembership.Role.VIEWER)


def dora(case):
    return give_role(_user("dora"), case, CaseMembership.Role.RESEARCHER)


def carol(chapter):
    user = _user("carol")
    chapter.coordinators.add(user)
    return user


def vera(chapter):
    user = _user("vera")
    chapter.volunteers.add(user)
    return user


def root():
    return get_user_model().objects.create_superuser("root", password=PASSWORD, email="")
