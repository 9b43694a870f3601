from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.data_status import DataStatus
from ...models.error import Error
from typing import cast



def _get_kwargs(
    
) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/status/",
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> DataStatus | Error:
    if response.status_code == 200:
        response_200 = DataStatus.from_dict(response.json())



        return response_200

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[DataStatus | Error]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[DataStatus | Error]:
    """ How current the statistics are ("data as of"), from the ETL's progress.

     Read from the collector's PostgreSQL (the ETL's checkpoints, and the rows not indexed yet):
    counts and times only. `stale` when the ETL lags more than FUELSTATS_DATA_STALE_AFTER seconds.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DataStatus | Error]
     """


    kwargs = _get_kwargs(
        
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,

) -> DataStatus | Error | None:
    """ How current the statistics are ("data as of"), from the ETL's progress.

     Read from the collector's PostgreSQL (the ETL's checkpoints, and the rows not indexed yet):
    counts and times only. `stale` when the ETL lags more than FUELSTATS_DATA_STALE_AFTER seconds.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DataStatus | Error
     """


    return sync_detailed(
        client=client,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,

) -> Response[DataStatus | Error]:
    """ How current the statistics are ("data as of"), from the ETL's progress.

     Read from the collector's PostgreSQL (the ETL's checkpoints, and the rows not indexed yet):
    counts and times only. `stale` when the ETL lags more than FUELSTATS_DATA_STALE_AFTER seconds.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[DataStatus | Error]
     """


    kwargs = _get_kwargs(
        
    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,

) -> DataStatus | Error | None:
    """ How current the statistics are ("data as of"), from the ETL's progress.

     Read from the collector's PostgreSQL (the ETL's checkpoints, and the rows not indexed yet):
    counts and times only. `stale` when the ETL lags more than FUELSTATS_DATA_STALE_AFTER seconds.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        DataStatus | Error
     """


    return (await asyncio_detailed(
        client=client,

    )).parsed
