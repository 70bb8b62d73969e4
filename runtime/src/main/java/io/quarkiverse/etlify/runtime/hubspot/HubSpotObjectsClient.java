package io.quarkiverse.etlify.runtime.hubspot;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * HubSpot's CRM v3 object endpoints for any object type, custom ones included. Built per CRM with
 * its base URL, timeouts and token; answers are returned as they come (status, headers, body) so
 * that the adapter reads rate-limit headers and maps errors itself. Public only because Quarkus
 * generates its implementation in another class loader; not an API.
 */
@Path("/crm/v3/objects/{objectType}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface HubSpotObjectsClient {

    @POST
    Response create(@PathParam("objectType") String objectType, HubSpotJson.CreateInput input);

    @PATCH
    @Path("/{objectId}")
    Response update(@PathParam("objectType") String objectType, @PathParam("objectId") String objectId,
            HubSpotJson.UpdateInput input);

    @DELETE
    @Path("/{objectId}")
    Response archive(@PathParam("objectType") String objectType, @PathParam("objectId") String objectId);

    @POST
    @Path("/batch/create")
    Response batchCreate(@PathParam("objectType") String objectType, HubSpotJson.Batch<HubSpotJson.CreateItem> input);

    @POST
    @Path("/batch/update")
    Response batchUpdate(@PathParam("objectType") String objectType, HubSpotJson.Batch<HubSpotJson.UpdateItem> input);

    @POST
    @Path("/batch/upsert")
    Response batchUpsert(@PathParam("objectType") String objectType, HubSpotJson.Batch<HubSpotJson.UpsertItem> input);

    @POST
    @Path("/search")
    Response search(@PathParam("objectType") String objectType, HubSpotJson.SearchRequest input);

    @POST
    @Path("/batch/archive")
    Response batchArchive(@PathParam("objectType") String objectType, HubSpotJson.Batch<HubSpotJson.IdItem> input);
}
