from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.failure_reports import FailureReports
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    *,
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    notified: bool | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["release"] = release

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["notified"] = notified

    params["page"] = page

    params["size"] = size


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/private/failure_reports/",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | FailureReports:
    if response.status_code == 200:
        response_200 = FailureReports.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | FailureReports]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    notified: bool | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Response[Error | FailureReports]:
    """ Failure reports sent by master nodes, newest first, with the state of their notifications.

     Straight from the collector's PostgreSQL: what support was told (or is still to be told)
    about failed deployments. `from` and `to` select by the day the report was received.

    Args:
        release (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        notified (bool | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FailureReports]
     """


    kwargs = _get_kwargs(
        release=release,
from_=from_,
to=to,
notified=notified,
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
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    notified: bool | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Error | FailureReports | None:
    """ Failure reports sent by master nodes, newest first, with the state of their notifications.

     Straight from the collector's PostgreSQL: what support was told (or is still to be told)
    about failed deployments. `from` and `to` select by the day the report was received.

    Args:
        release (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        notified (bool | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FailureReports
     """


    return sync_detailed(
        client=client,
release=release,
from_=from_,
to=to,
notified=notified,
page=page,
size=size,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    notified: bool | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Response[Error | FailureReports]:
    """ Failure reports sent by master nodes, newest first, with the state of their notifications.

     Straight from the collector's PostgreSQL: what support was told (or is still to be told)
    about failed deployments. `from` and `to` select by the day the report was received.

    Args:
        release (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        notified (bool | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FailureReports]
     """


    kwargs = _get_kwargs(
        release=release,
from_=from_,
to=to,
notified=notified,
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
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    notified: bool | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 50,

) -> Error | FailureReports | None:
    """ Failure reports sent by master nodes, newest first, with the state of their notifications.

     Straight from the collector's PostgreSQL: what support was told (or is still to be told)
    about failed deployments. `from` and `to` select by the day the report was received.

    Args:
        release (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        notified (bool | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FailureReports
     """


    return (await asyncio_detailed(
        client=client,
release=release,
from_=from_,
to=to,
notified=notified,
page=page,
size=size,

    )).parsed
