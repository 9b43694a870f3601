from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.login_request import LoginRequest
from ...models.session_state import SessionState
from typing import cast



def _get_kwargs(
    *,
    body: LoginRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/session/login/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | SessionState:
    if response.status_code == 200:
        response_200 = SessionState.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())



        return response_401

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())



        return response_429

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | SessionState]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,

) -> Response[Error | SessionState]:
    """ Log in; the answer sets the session cookie.

     Wrong name, wrong password and a disabled account all get the same 401. Repeated failures
    for one name or from one address get 429 with `Retry-After` (FUELSTATS_LOGIN_*).

    Args:
        body (LoginRequest): A user name and its password, to open a browser session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SessionState]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,

) -> Error | SessionState | None:
    """ Log in; the answer sets the session cookie.

     Wrong name, wrong password and a disabled account all get the same 401. Repeated failures
    for one name or from one address get 429 with `Retry-After` (FUELSTATS_LOGIN_*).

    Args:
        body (LoginRequest): A user name and its password, to open a browser session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SessionState
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,

) -> Response[Error | SessionState]:
    """ Log in; the answer sets the session cookie.

     Wrong name, wrong password and a disabled account all get the same 401. Repeated failures
    for one name or from one address get 429 with `Retry-After` (FUELSTATS_LOGIN_*).

    Args:
        body (LoginRequest): A user name and its password, to open a browser session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SessionState]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LoginRequest,

) -> Error | SessionState | None:
    """ Log in; the answer sets the session cookie.

     Wrong name, wrong password and a disabled account all get the same 401. Repeated failures
    for one name or from one address get 429 with `Retry-After` (FUELSTATS_LOGIN_*).

    Args:
        body (LoginRequest): A user name and its password, to open a browser session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SessionState
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
