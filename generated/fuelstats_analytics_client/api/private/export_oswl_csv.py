from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.export_too_large import ExportTooLarge
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    resource_type: str,
    *,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_from_: str | Unset = UNSET
    if not isinstance(from_, Unset):
        json_from_ = from_.isoformat()
    params["from"] = json_from_

    json_to: str | Unset = UNSET
    if not isinstance(to, Unset):
        json_to = to.isoformat()
    params["to"] = json_to

    params["include_filtered"] = include_filtered


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/private/exports/oswl/{resource_type}/".format(resource_type=quote(str(resource_type), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | ExportTooLarge | str:
    if response.status_code == 200:
        response_200 = response.text
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

    if response.status_code == 409:
        response_409 = ExportTooLarge.from_dict(response.json())



        return response_409

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | ExportTooLarge | str]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    resource_type: str,
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,

) -> Response[Error | ExportTooLarge | str]:
    """ The OpenStack resources of one type (vm, volume, tenant, ...), one row per resource, streamed.

    Args:
        resource_type (str):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        include_filtered (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ExportTooLarge | str]
     """


    kwargs = _get_kwargs(
        resource_type=resource_type,
from_=from_,
to=to,
include_filtered=include_filtered,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    resource_type: str,
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,

) -> Error | ExportTooLarge | str | None:
    """ The OpenStack resources of one type (vm, volume, tenant, ...), one row per resource, streamed.

    Args:
        resource_type (str):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        include_filtered (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ExportTooLarge | str
     """


    return sync_detailed(
        resource_type=resource_type,
client=client,
from_=from_,
to=to,
include_filtered=include_filtered,

    ).parsed

async def asyncio_detailed(
    resource_type: str,
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,

) -> Response[Error | ExportTooLarge | str]:
    """ The OpenStack resources of one type (vm, volume, tenant, ...), one row per resource, streamed.

    Args:
        resource_type (str):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        include_filtered (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | ExportTooLarge | str]
     """


    kwargs = _get_kwargs(
        resource_type=resource_type,
from_=from_,
to=to,
include_filtered=include_filtered,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    resource_type: str,
    *,
    client: AuthenticatedClient | Client,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,

) -> Error | ExportTooLarge | str | None:
    """ The OpenStack resources of one type (vm, volume, tenant, ...), one row per resource, streamed.

    Args:
        resource_type (str):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        include_filtered (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | ExportTooLarge | str
     """


    return (await asyncio_detailed(
        resource_type=resource_type,
client=client,
from_=from_,
to=to,
include_filtered=include_filtered,

    )).parsed
