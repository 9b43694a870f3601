from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.quarantine import Quarantine
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    rule: str | Unset = UNSET,
    master_node_uid: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["rule"] = rule

    params["master_node_uid"] = master_node_uid

    params["page"] = page

    params["size"] = size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/private/quarantine/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Quarantine:
    if response.status_code == 200:
        response_200 = Quarantine.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Quarantine]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    rule: str | Unset = UNSET,
    master_node_uid: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Response[Error | Quarantine]:
    """ Refused submissions (forged, replayed, stale, against a protocol rule) and how many of each.

     The counts are exact per rule and master node (an enrolled one; '' for every other); the
    submissions themselves are the latest few, bodies cut short (FUELSTATS_QUARANTINE_SAMPLES,
    FUELSTATS_QUARANTINE_BODY_BYTES), newest first.

    Args:
        rule (str | Unset):
        master_node_uid (str | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Quarantine]
     """


    kwargs = _get_kwargs(
        rule=rule,
master_node_uid=master_node_uid,
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
    rule: str | Unset = UNSET,
    master_node_uid: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Error | Quarantine | None:
    """ Refused submissions (forged, replayed, stale, against a protocol rule) and how many of each.

     The counts are exact per rule and master node (an enrolled one; '' for every other); the
    submissions themselves are the latest few, bodies cut short (FUELSTATS_QUARANTINE_SAMPLES,
    FUELSTATS_QUARANTINE_BODY_BYTES), newest first.

    Args:
        rule (str | Unset):
        master_node_uid (str | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Quarantine
     """


    return sync_detailed(
        client=client,
rule=rule,
master_node_uid=master_node_uid,
page=page,
size=size,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    rule: str | Unset = UNSET,
    master_node_uid: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Response[Error | Quarantine]:
    """ Refused submissions (forged, replayed, stale, against a protocol rule) and how many of each.

     The counts are exact per rule and master node (an enrolled one; '' for every other); the
    submissions themselves are the latest few, bodies cut short (FUELSTATS_QUARANTINE_SAMPLES,
    FUELSTATS_QUARANTINE_BODY_BYTES), newest first.

    Args:
        rule (str | Unset):
        master_node_uid (str | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Quarantine]
     """


    kwargs = _get_kwargs(
        rule=rule,
master_node_uid=master_node_uid,
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
    rule: str | Unset = UNSET,
    master_node_uid: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Error | Quarantine | None:
    """ Refused submissions (forged, replayed, stale, against a protocol rule) and how many of each.

     The counts are exact per rule and master node (an enrolled one; '' for every other); the
    submissions themselves are the latest few, bodies cut short (FUELSTATS_QUARANTINE_SAMPLES,
    FUELSTATS_QUARANTINE_BODY_BYTES), newest first.

    Args:
        rule (str | Unset):
        master_node_uid (str | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Quarantine
     """


    return (await asyncio_detailed(
        client=client,
rule=rule,
master_node_uid=master_node_uid,
page=page,
size=size,

    )).parsed
