from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.report import Report
from ...models.report_name import ReportName
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    name: ReportName,
    *,
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,
    verified_only: bool | Unset = False,

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

    params["include_filtered"] = include_filtered

    params["verified_only"] = verified_only


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/reports/{name}/".format(name=quote(str(name), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | Report:
    if response.status_code == 200:
        response_200 = Report.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())



        return response_404

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | Report]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: ReportName,
    *,
    client: AuthenticatedClient | Client,
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,
    verified_only: bool | Unset = False,

) -> Response[Error | Report]:
    """ One report, for the filters given.

    Args:
        name (ReportName):
        release (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        include_filtered (bool | Unset):  Default: False.
        verified_only (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Report]
     """


    kwargs = _get_kwargs(
        name=name,
release=release,
from_=from_,
to=to,
include_filtered=include_filtered,
verified_only=verified_only,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    name: ReportName,
    *,
    client: AuthenticatedClient | Client,
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,
    verified_only: bool | Unset = False,

) -> Error | Report | None:
    """ One report, for the filters given.

    Args:
        name (ReportName):
        release (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        include_filtered (bool | Unset):  Default: False.
        verified_only (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Report
     """


    return sync_detailed(
        name=name,
client=client,
release=release,
from_=from_,
to=to,
include_filtered=include_filtered,
verified_only=verified_only,

    ).parsed

async def asyncio_detailed(
    name: ReportName,
    *,
    client: AuthenticatedClient | Client,
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,
    verified_only: bool | Unset = False,

) -> Response[Error | Report]:
    """ One report, for the filters given.

    Args:
        name (ReportName):
        release (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        include_filtered (bool | Unset):  Default: False.
        verified_only (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | Report]
     """


    kwargs = _get_kwargs(
        name=name,
release=release,
from_=from_,
to=to,
include_filtered=include_filtered,
verified_only=verified_only,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    name: ReportName,
    *,
    client: AuthenticatedClient | Client,
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,
    verified_only: bool | Unset = False,

) -> Error | Report | None:
    """ One report, for the filters given.

    Args:
        name (ReportName):
        release (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        include_filtered (bool | Unset):  Default: False.
        verified_only (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | Report
     """


    return (await asyncio_detailed(
        name=name,
client=client,
release=release,
from_=from_,
to=to,
include_filtered=include_filtered,
verified_only=verified_only,

    )).parsed
