from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.failure_report_request import FailureReportRequest
from ...models.failure_report_response import FailureReportResponse
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: FailureReportRequest,
    master_node_uid: str | Unset = UNSET,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(master_node_uid, Unset):
        headers["master-node-uid"] = master_node_uid

    if not isinstance(signature_input, Unset):
        headers["Signature-Input"] = signature_input

    if not isinstance(content_digest, Unset):
        headers["Content-Digest"] = content_digest



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/v1/failure_reports/",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | FailureReportResponse:
    if response.status_code == 200:
        response_200 = FailureReportResponse.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = FailureReportResponse.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | FailureReportResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: FailureReportRequest,
    master_node_uid: str | Unset = UNSET,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> Response[Error | FailureReportResponse]:
    """ Report a failed deployment task at once, for the support team.

     Additive to v1 (Fuel masters of the field never call it). A master node sends this the
    moment a deployment task ends in error. With a `contact`, the report is stored and the
    support team is notified by e-mail (and by webhook when one is configured): the
    notifications are written in the same transaction as the report and delivered right after,
    retried until they get through. The same `report_id` sent again is answered 200 and
    notifies nobody a second time. Without a `contact` only the task's action log is stored,
    as `POST /api/v1/action_logs/` would store it.

    Args:
        master_node_uid (str | Unset):
        signature_input (str | Unset):
        content_digest (str | Unset):
        body (FailureReportRequest): A deployment task that ended in error on a master node, sent
            the moment it failed. With a customer contact it is stored and the support team is
            notified; without one only its action log is kept.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FailureReportResponse]
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
    body: FailureReportRequest,
    master_node_uid: str | Unset = UNSET,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> Error | FailureReportResponse | None:
    """ Report a failed deployment task at once, for the support team.

     Additive to v1 (Fuel masters of the field never call it). A master node sends this the
    moment a deployment task ends in error. With a `contact`, the report is stored and the
    support team is notified by e-mail (and by webhook when one is configured): the
    notifications are written in the same transaction as the report and delivered right after,
    retried until they get through. The same `report_id` sent again is answered 200 and
    notifies nobody a second time. Without a `contact` only the task's action log is stored,
    as `POST /api/v1/action_logs/` would store it.

    Args:
        master_node_uid (str | Unset):
        signature_input (str | Unset):
        content_digest (str | Unset):
        body (FailureReportRequest): A deployment task that ended in error on a master node, sent
            the moment it failed. With a customer contact it is stored and the support team is
            notified; without one only its action log is kept.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FailureReportResponse
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
    body: FailureReportRequest,
    master_node_uid: str | Unset = UNSET,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> Response[Error | FailureReportResponse]:
    """ Report a failed deployment task at once, for the support team.

     Additive to v1 (Fuel masters of the field never call it). A master node sends this the
    moment a deployment task ends in error. With a `contact`, the report is stored and the
    support team is notified by e-mail (and by webhook when one is configured): the
    notifications are written in the same transaction as the report and delivered right after,
    retried until they get through. The same `report_id` sent again is answered 200 and
    notifies nobody a second time. Without a `contact` only the task's action log is stored,
    as `POST /api/v1/action_logs/` would store it.

    Args:
        master_node_uid (str | Unset):
        signature_input (str | Unset):
        content_digest (str | Unset):
        body (FailureReportRequest): A deployment task that ended in error on a master node, sent
            the moment it failed. With a customer contact it is stored and the support team is
            notified; without one only its action log is kept.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | FailureReportResponse]
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
    body: FailureReportRequest,
    master_node_uid: str | Unset = UNSET,
    signature_input: str | Unset = UNSET,
    content_digest: str | Unset = UNSET,

) -> Error | FailureReportResponse | None:
    """ Report a failed deployment task at once, for the support team.

     Additive to v1 (Fuel masters of the field never call it). A master node sends this the
    moment a deployment task ends in error. With a `contact`, the report is stored and the
    support team is notified by e-mail (and by webhook when one is configured): the
    notifications are written in the same transaction as the report and delivered right after,
    retried until they get through. The same `report_id` sent again is answered 200 and
    notifies nobody a second time. Without a `contact` only the task's action log is stored,
    as `POST /api/v1/action_logs/` would store it.

    Args:
        master_node_uid (str | Unset):
        signature_input (str | Unset):
        content_digest (str | Unset):
        body (FailureReportRequest): A deployment task that ended in error on a master node, sent
            the moment it failed. With a customer contact it is stored and the support team is
            notified; without one only its action log is kept.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | FailureReportResponse
     """


    return (await asyncio_detailed(
        client=client,
body=body,
master_node_uid=master_node_uid,
signature_input=signature_input,
content_digest=content_digest,

    )).parsed
