from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.error import Error
from ...models.search_aggs_item import SearchAggsItem
from ...models.search_kind import SearchKind
from ...models.search_results import SearchResults
from ...models.search_sort import SearchSort
from ...types import UNSET, Unset
from typing import cast
import datetime



def _get_kwargs(
    kind: SearchKind,
    *,
    q: str | Unset = UNSET,
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,
    verified_only: bool | Unset = False,
    installation_id: str | Unset = UNSET,
    os: str | Unset = UNSET,
    hypervisor: str | Unset = UNSET,
    network_type: str | Unset = UNSET,
    status: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: SearchSort | Unset = SearchSort.VALUE_1,
    aggs: list[SearchAggsItem] | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["q"] = q

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

    params["installation_id"] = installation_id

    params["os"] = os

    params["hypervisor"] = hypervisor

    params["network_type"] = network_type

    params["status"] = status

    params["page"] = page

    params["size"] = size

    json_sort: str | Unset = UNSET
    if not isinstance(sort, Unset):
        json_sort = sort.value

    params["sort"] = json_sort

    json_aggs: list[str] | Unset = UNSET
    if not isinstance(aggs, Unset):
        json_aggs = []
        for aggs_item_data in aggs:
            aggs_item = aggs_item_data.value
            json_aggs.append(aggs_item)


    params["aggs"] = json_aggs


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/v1/search/{kind}/".format(kind=quote(str(kind), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | SearchResults:
    if response.status_code == 200:
        response_200 = SearchResults.from_dict(response.json())



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



def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Error | SearchResults]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    kind: SearchKind,
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,
    verified_only: bool | Unset = False,
    installation_id: str | Unset = UNSET,
    os: str | Unset = UNSET,
    hypervisor: str | Unset = UNSET,
    network_type: str | Unset = UNSET,
    status: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: SearchSort | Unset = SearchSort.VALUE_1,
    aggs: list[SearchAggsItem] | Unset = UNSET,

) -> Response[Error | SearchResults]:
    """ Find installations or environments by their fields and free text.

     A search API of its own, not a window onto Elasticsearch: fixed filters, a free-text query
    (all its words must match), pages of at most 100, sorting and aggregations from fixed lists.
    Installations are named by `installation_id`, an opaque id (an HMAC of the master node's uid
    under a secret of the server): a master_node_uid identifies a customer's installation and is
    never published (docs/security.md); the private part has it.

    Args:
        kind (SearchKind):
        q (str | Unset):
        release (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        include_filtered (bool | Unset):  Default: False.
        verified_only (bool | Unset):  Default: False.
        installation_id (str | Unset):
        os (str | Unset):
        hypervisor (str | Unset):
        network_type (str | Unset):
        status (str | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (SearchSort | Unset):  Default: SearchSort.VALUE_1.
        aggs (list[SearchAggsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SearchResults]
     """


    kwargs = _get_kwargs(
        kind=kind,
q=q,
release=release,
from_=from_,
to=to,
include_filtered=include_filtered,
verified_only=verified_only,
installation_id=installation_id,
os=os,
hypervisor=hypervisor,
network_type=network_type,
status=status,
page=page,
size=size,
sort=sort,
aggs=aggs,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    kind: SearchKind,
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,
    verified_only: bool | Unset = False,
    installation_id: str | Unset = UNSET,
    os: str | Unset = UNSET,
    hypervisor: str | Unset = UNSET,
    network_type: str | Unset = UNSET,
    status: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: SearchSort | Unset = SearchSort.VALUE_1,
    aggs: list[SearchAggsItem] | Unset = UNSET,

) -> Error | SearchResults | None:
    """ Find installations or environments by their fields and free text.

     A search API of its own, not a window onto Elasticsearch: fixed filters, a free-text query
    (all its words must match), pages of at most 100, sorting and aggregations from fixed lists.
    Installations are named by `installation_id`, an opaque id (an HMAC of the master node's uid
    under a secret of the server): a master_node_uid identifies a customer's installation and is
    never published (docs/security.md); the private part has it.

    Args:
        kind (SearchKind):
        q (str | Unset):
        release (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        include_filtered (bool | Unset):  Default: False.
        verified_only (bool | Unset):  Default: False.
        installation_id (str | Unset):
        os (str | Unset):
        hypervisor (str | Unset):
        network_type (str | Unset):
        status (str | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (SearchSort | Unset):  Default: SearchSort.VALUE_1.
        aggs (list[SearchAggsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SearchResults
     """


    return sync_detailed(
        kind=kind,
client=client,
q=q,
release=release,
from_=from_,
to=to,
include_filtered=include_filtered,
verified_only=verified_only,
installation_id=installation_id,
os=os,
hypervisor=hypervisor,
network_type=network_type,
status=status,
page=page,
size=size,
sort=sort,
aggs=aggs,

    ).parsed

async def asyncio_detailed(
    kind: SearchKind,
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,
    verified_only: bool | Unset = False,
    installation_id: str | Unset = UNSET,
    os: str | Unset = UNSET,
    hypervisor: str | Unset = UNSET,
    network_type: str | Unset = UNSET,
    status: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: SearchSort | Unset = SearchSort.VALUE_1,
    aggs: list[SearchAggsItem] | Unset = UNSET,

) -> Response[Error | SearchResults]:
    """ Find installations or environments by their fields and free text.

     A search API of its own, not a window onto Elasticsearch: fixed filters, a free-text query
    (all its words must match), pages of at most 100, sorting and aggregations from fixed lists.
    Installations are named by `installation_id`, an opaque id (an HMAC of the master node's uid
    under a secret of the server): a master_node_uid identifies a customer's installation and is
    never published (docs/security.md); the private part has it.

    Args:
        kind (SearchKind):
        q (str | Unset):
        release (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        include_filtered (bool | Unset):  Default: False.
        verified_only (bool | Unset):  Default: False.
        installation_id (str | Unset):
        os (str | Unset):
        hypervisor (str | Unset):
        network_type (str | Unset):
        status (str | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (SearchSort | Unset):  Default: SearchSort.VALUE_1.
        aggs (list[SearchAggsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | SearchResults]
     """


    kwargs = _get_kwargs(
        kind=kind,
q=q,
release=release,
from_=from_,
to=to,
include_filtered=include_filtered,
verified_only=verified_only,
installation_id=installation_id,
os=os,
hypervisor=hypervisor,
network_type=network_type,
status=status,
page=page,
size=size,
sort=sort,
aggs=aggs,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    kind: SearchKind,
    *,
    client: AuthenticatedClient | Client,
    q: str | Unset = UNSET,
    release: str | Unset = UNSET,
    from_: datetime.date | Unset = UNSET,
    to: datetime.date | Unset = UNSET,
    include_filtered: bool | Unset = False,
    verified_only: bool | Unset = False,
    installation_id: str | Unset = UNSET,
    os: str | Unset = UNSET,
    hypervisor: str | Unset = UNSET,
    network_type: str | Unset = UNSET,
    status: str | Unset = UNSET,
    page: int | Unset = 1,
    size: int | Unset = 20,
    sort: SearchSort | Unset = SearchSort.VALUE_1,
    aggs: list[SearchAggsItem] | Unset = UNSET,

) -> Error | SearchResults | None:
    """ Find installations or environments by their fields and free text.

     A search API of its own, not a window onto Elasticsearch: fixed filters, a free-text query
    (all its words must match), pages of at most 100, sorting and aggregations from fixed lists.
    Installations are named by `installation_id`, an opaque id (an HMAC of the master node's uid
    under a secret of the server): a master_node_uid identifies a customer's installation and is
    never published (docs/security.md); the private part has it.

    Args:
        kind (SearchKind):
        q (str | Unset):
        release (str | Unset):
        from_ (datetime.date | Unset):
        to (datetime.date | Unset):
        include_filtered (bool | Unset):  Default: False.
        verified_only (bool | Unset):  Default: False.
        installation_id (str | Unset):
        os (str | Unset):
        hypervisor (str | Unset):
        network_type (str | Unset):
        status (str | Unset):
        page (int | Unset):  Default: 1.
        size (int | Unset):  Default: 20.
        sort (SearchSort | Unset):  Default: SearchSort.VALUE_1.
        aggs (list[SearchAggsItem] | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | SearchResults
     """


    return (await asyncio_detailed(
        kind=kind,
client=client,
q=q,
release=release,
from_=from_,
to=to,
include_filtered=include_filtered,
verified_only=verified_only,
installation_id=installation_id,
os=os,
hypervisor=hypervisor,
network_type=network_type,
status=status,
page=page,
size=size,
sort=sort,
aggs=aggs,

    )).parsed
