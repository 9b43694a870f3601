from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.audit_trail import AuditTrail
from ...models.audit_trail_event import AuditTrailEvent
from ...models.error import Error
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    event: AuditTrailEvent | Unset = UNSET,
    actor: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_event: str | Unset = UNSET
    if not isinstance(event, Unset):
        json_event = event.value

    params["event"] = json_event

    params["actor"] = actor

    params["page"] = page

    params["size"] = size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/private/audit/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> AuditTrail | Error:
    if response.status_code == 200:
        response_200 = AuditTrail.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())



        return response_403

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[AuditTrail | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    event: AuditTrailEvent | Unset = UNSET,
    actor: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Response[AuditTrail | Error]:
    """ The audit trail, newest first.

     Logins, failed and throttled logins, logouts, API tokens made, used (at most once per token
    in 15 minutes) and revoked, changes to accounts, private exports: who, when, from where.

    Args:
        event (AuditTrailEvent | Unset):
        actor (str | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditTrail | Error]
     """


    kwargs = _get_kwargs(
        event=event,
actor=actor,
page=page,
size=size,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    event: AuditTrailEvent | Unset = UNSET,
    actor: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> AuditTrail | Error | None:
    """ The audit trail, newest first.

     Logins, failed and throttled logins, logouts, API tokens made, used (at most once per token
    in 15 minutes) and revoked, changes to accounts, private exports: who, when, from where.

    Args:
        event (AuditTrailEvent | Unset):
        actor (str | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditTrail | Error
     """


    return sync_detailed(
        client=client,
event=event,
actor=actor,
page=page,
size=size,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    event: AuditTrailEvent | Unset = UNSET,
    actor: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Response[AuditTrail | Error]:
    """ The audit trail, newest first.

     Logins, failed and throttled logins, logouts, API tokens made, used (at most once per token
    in 15 minutes) and revoked, changes to accounts, private exports: who, when, from where.

    Args:
        event (AuditTrailEvent | Unset):
        actor (str | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[AuditTrail | Error]
     """


    kwargs = _get_kwargs(
        event=event,
actor=actor,
page=page,
size=size,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    event: AuditTrailEvent | Unset = UNSET,
    actor: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> AuditTrail | Error | None:
    """ The audit trail, newest first.

     Logins, failed and throttled logins, logouts, API tokens made, used (at most once per token
    in 15 minutes) and revoked, changes to accounts, private exports: who, when, from where.

    Args:
        event (AuditTrailEvent | Unset):
        actor (str | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        AuditTrail | Error
     """


    return (await asyncio_detailed(
        client=client,
event=event,
actor=actor,
page=page,
size=size,

    )).parsed
