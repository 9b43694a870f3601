from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.master_key_request import MasterKeyRequest
from ...models.master_key_response import MasterKeyResponse
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: MasterKeyRequest,
    master_node_uid: str,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    headers["master-node-uid"] = master_node_uid

    if not isinstance(signature_input, Unset):
        headers["Signature-Input"] = signature_input

    if not isinstance(content_digest, Unset):
        headers["Content-Digest"] = content_digest



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/master_keys/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | MasterKeyResponse:
    if response.status_code == 200:
        response_200 = MasterKeyResponse.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = MasterKeyResponse.from_dict(response.json())



        return response_201

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
        response_409 = Error.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Error.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Error.from_dict(response.json())



        return response_415

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())



        return response_503

    response_default = Error.from_dict(response.json())



    return response_default



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | MasterKeyResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: MasterKeyRequest,
    master_node_uid: str,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> Response[Error | MasterKeyResponse]:
    """ Enrol a master node's signing key (trust on first use).

     Signed by the key it enrolls, which proves the sender holds it. The first key enrolled for a
    master node protects its records from then on: unsigned requests for it are refused (401).
    The same key again is answered 200; another key 409 (`key-conflict`): a key changes only by
    a rotation signed with the enrolled key, or a reset by the collector's operators.

    Args:
        master_node_uid (str):
        signature_input (str | Unset):
        content_digest (str | Unset):
        body (MasterKeyRequest): A master node's Ed25519 public key, to enrol (signed by that key)
            or to rotate to (signed by the enrolled key and by this one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MasterKeyResponse]
     """


    kwargs = _get_kwargs(
        body=body,
master_node_uid=master_node_uid,
signature_input=signature_input,
content_digest=content_digest,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: MasterKeyRequest,
    master_node_uid: str,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> Error | MasterKeyResponse | None:
    """ Enrol a master node's signing key (trust on first use).

     Signed by the key it enrolls, which proves the sender holds it. The first key enrolled for a
    master node protects its records from then on: unsigned requests for it are refused (401).
    The same key again is answered 200; another key 409 (`key-conflict`): a key changes only by
    a rotation signed with the enrolled key, or a reset by the collector's operators.

    Args:
        master_node_uid (str):
        signature_input (str | Unset):
        content_digest (str | Unset):
        body (MasterKeyRequest): A master node's Ed25519 public key, to enrol (signed by that key)
            or to rotate to (signed by the enrolled key and by this one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MasterKeyResponse
     """


    return sync_detailed(
        client=client,
body=body,
master_node_uid=master_node_uid,
signature_input=signature_input,
content_digest=content_digest,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: MasterKeyRequest,
    master_node_uid: str,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> Response[Error | MasterKeyResponse]:
    """ Enrol a master node's signing key (trust on first use).

     Signed by the key it enrolls, which proves the sender holds it. The first key enrolled for a
    master node protects its records from then on: unsigned requests for it are refused (401).
    The same key again is answered 200; another key 409 (`key-conflict`): a key changes only by
    a rotation signed with the enrolled key, or a reset by the collector's operators.

    Args:
        master_node_uid (str):
        signature_input (str | Unset):
        content_digest (str | Unset):
        body (MasterKeyRequest): A master node's Ed25519 public key, to enrol (signed by that key)
            or to rotate to (signed by the enrolled key and by this one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MasterKeyResponse]
     """


    kwargs = _get_kwargs(
        body=body,
master_node_uid=master_node_uid,
signature_input=signature_input,
content_digest=content_digest,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: MasterKeyRequest,
    master_node_uid: str,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> Error | MasterKeyResponse | None:
    """ Enrol a master node's signing key (trust on first use).

     Signed by the key it enrolls, which proves the sender holds it. The first key enrolled for a
    master node protects its records from then on: unsigned requests for it are refused (401).
    The same key again is answered 200; another key 409 (`key-conflict`): a key changes only by
    a rotation signed with the enrolled key, or a reset by the collector's operators.

    Args:
        master_node_uid (str):
        signature_input (str | Unset):
        content_digest (str | Unset):
        body (MasterKeyRequest): A master node's Ed25519 public key, to enrol (signed by that key)
            or to rotate to (signed by the enrolled key and by this one).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MasterKeyResponse
     """


    return (await asyncio_detailed(
        client=client,
body=body,
master_node_uid=master_node_uid,
signature_input=signature_input,
content_digest=content_digest,

    )).parsed
