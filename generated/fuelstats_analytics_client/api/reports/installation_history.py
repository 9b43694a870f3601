from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.installation_history import InstallationHistory
from typing import cast



def _get_kwargs(
    installation_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/installations/{installation_id}/history/".format(installation_id=quote(str(installation_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | InstallationHistory:
    if response.status_code == 200:
        response_200 = InstallationHistory.from_dict(response.json())



        return response_200

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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | InstallationHistory]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    installation_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Error | InstallationHistory]:
    """ One installation's deployments and health check runs.

     The deployment tasks (`action_name: deployment`, `action_type: nailgun_task`) and health
    check runs (`action_group: health_check`) an installation reported, the newest 200 of each,
    with a summary per environment. Filtered installations too: this is one installation. It is
    named by the opaque id the search shows, never by its master_node_uid (docs/security.md).

    Args:
        installation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InstallationHistory]
     """


    kwargs = _get_kwargs(
        installation_id=installation_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    installation_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Error | InstallationHistory | None:
    """ One installation's deployments and health check runs.

     The deployment tasks (`action_name: deployment`, `action_type: nailgun_task`) and health
    check runs (`action_group: health_check`) an installation reported, the newest 200 of each,
    with a summary per environment. Filtered installations too: this is one installation. It is
    named by the opaque id the search shows, never by its master_node_uid (docs/security.md).

    Args:
        installation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InstallationHistory
     """


    return sync_detailed(
        installation_id=installation_id,
client=client,

    ).parsed

async def asyncio_detailed(
    installation_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Response[Error | InstallationHistory]:
    """ One installation's deployments and health check runs.

     The deployment tasks (`action_name: deployment`, `action_type: nailgun_task`) and health
    check runs (`action_group: health_check`) an installation reported, the newest 200 of each,
    with a summary per environment. Filtered installations too: this is one installation. It is
    named by the opaque id the search shows, never by its master_node_uid (docs/security.md).

    Args:
        installation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | InstallationHistory]
     """


    kwargs = _get_kwargs(
        installation_id=installation_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    installation_id: str,
    *,
    client: AuthenticatedClient | Client,

) -> Error | InstallationHistory | None:
    """ One installation's deployments and health check runs.

     The deployment tasks (`action_name: deployment`, `action_type: nailgun_task`) and health
    check runs (`action_group: health_check`) an installation reported, the newest 200 of each,
    with a summary per environment. Filtered installations too: this is one installation. It is
    named by the opaque id the search shows, never by its master_node_uid (docs/security.md).

    Args:
        installation_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | InstallationHistory
     """


    return (await asyncio_detailed(
        installation_id=installation_id,
client=client,

    )).parsed
