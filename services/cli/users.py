"""`fuelstats users`: the analytics' accounts and their API tokens (docs/authentication.md).

Whoever runs it has the analytics' database (FUELSTATS_ANALYTICS_DATABASE_URL), so it may do anything
to any account; the audit trail names them by their login on this machine (``cli:NAME``). There is
no default account: the first admin is made here. Passwords are typed twice without echo, or read
from the first line of stdin (``--password-stdin``), never taken as an argument, which would leave
them in the shell's history and in every process listing.
"""

from __future__ import annotations

import getpass
import sys
from typing import TYPE_CHECKING

import click

from fuelstats.core.errors import Refused

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from fuelstats.analytics.accounts import Actor

ROLE = click.Choice(["viewer", "admin"])


def _engine() -> Engine:
    from fuelstats.analytics.context import accounts_engine

    return accounts_engine()


def _operator() -> Actor:
    from fuelstats.analytics.accounts import Actor

    return Actor(f"cli:{getpass.getuser()}")


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return click.prompt("Password", hide_input=True, confirmation_prompt=True)


class _Refusals(click.Group):
    """A refusal (no such user, a name taken, a short password) is one line and exit status 1."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except Refused as refused:
            raise click.ClickException(refused.message) from None


@click.group(name="users", cls=_Refusals)
def group() -> None:
    """The analytics' accounts: add, list, disable, reset passwords, grant roles; their API tokens."""


@group.command()
@click.argument("name")
@click.option("--role", type=ROLE, default="viewer", show_default=True)
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
def add(name: str, role: str, password_stdin: bool) -> None:
    """Add the account NAME with a password."""
    from fuelstats.analytics import accounts

    user = accounts.add_user(_engine(), name, role, _password(password_stdin), _operator())  # type: ignore[arg-type]
    click.echo(f"{user.name}: {user.role}, can log in at /login")


@group.command("list")
def listing() -> None:
    """Every account, its role and whether it is disabled."""
    from fuelstats.analytics import accounts

    click.echo(f"{'name':<32} {'role':<7} {'state':<9} created (UTC)")
    for user in accounts.users(_engine()):
        state = "disabled" if user.disabled else "enabled" if user.has_password else "no login"
        click.echo(f"{user.name:<32} {user.role:<7} {state:<9} {user.created_at:%Y-%m-%d %H:%M}")


@group.command()
@click.argument("name")
def disable(name: str) -> None:
    """Disable NAME: its sessions end and its tokens stop working at once."""
    from fuelstats.analytics import accounts

    accounts.set_disabled(_engine(), name, True, _operator())
    click.echo(f"{name}: disabled")


@group.command()
@click.argument("name")
def enable(name: str) -> None:
    """Enable NAME again (its revoked or expired tokens stay so)."""
    from fuelstats.analytics import accounts

    accounts.set_disabled(_engine(), name, False, _operator())
    click.echo(f"{name}: enabled")


@group.command("reset-password")
@click.argument("name")
@click.option("--password-stdin", is_flag=True, help="Read the password from the first line of stdin.")
def reset_password(name: str, password_stdin: bool) -> None:
    """Give NAME a new password; its sessions end."""
    from fuelstats.analytics import accounts

    accounts.set_password(_engine(), name, _password(password_stdin), _operator())
    click.echo(f"{name}: password changed, logged out everywhere")


@group.command()
@click.argument("role", type=ROLE)
@click.argument("name")
def grant(role: str, name: str) -> None:
    """Give NAME the role ROLE (viewer or admin), from its next request on."""
    from fuelstats.analytics import accounts

    accounts.grant(_engine(), name, role, _operator())  # type: ignore[arg-type]
    click.echo(f"{name}: {role}")


@group.group(cls=_Refusals)
def tokens() -> None:
    """API tokens (Authorization: Bearer), for scripts."""


@tokens.command("create")
@click.argument("user")
@click.option("--name", "token_name", required=True, help="What the token is for (shown in listings).")
@click.option("--role", type=ROLE, default=None, help="At most the user's role [default: the user's role].")
@click.option("--days", type=click.IntRange(1, 365), default=90, show_default=True, help="Days until it expires.")
def create_token(user: str, token_name: str, role: str | None, days: int) -> None:
    """Make a token for USER and print it: it is shown this once."""
    from fuelstats.analytics import accounts

    secret, made = accounts.create_token(_engine(), _operator(), owner=user, name=token_name,
                                         role=role, days=days)  # type: ignore[arg-type]
    click.echo(f"token {made['id']} ({made['role']}, expires {made['expires_at']}):", err=True)
    click.echo(secret)


@tokens.command("list")
@click.argument("user", required=False)
def list_tokens(user: str | None) -> None:
    """The tokens of USER (of everyone when none is named), revoked and expired ones too."""
    from fuelstats.analytics import accounts

    click.echo(f"{'id':<36} {'user':<24} {'name':<24} {'role':<7} {'expires (UTC)':<17} {'last used':<17} state")
    for made in accounts.tokens(_engine(), _operator(), user):
        click.echo(f"{made['id']:<36} {made['user']:<24} {made['name']:<24} {made['role']:<7} "
                   f"{made['expires_at'][:16]:<17} {made.get('last_used_at', '-')[:16]:<17} {made['state']}")


@tokens.command("revoke")
@click.argument("token_id")
def revoke_token(token_id: str) -> None:
    """Revoke token TOKEN_ID: it stops working at once."""
    from fuelstats.analytics import accounts

    accounts.revoke_token(_engine(), _operator(), token_id)
    click.echo(f"token {token_id}: revoked")
