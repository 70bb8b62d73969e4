package io.quarkiverse.etlify.runtime.airtable;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Airtable's record endpoints of one table ({@code /v0/{baseId}/{tableIdOrName}}). Built per CRM with its base
 * URL, timeouts and token; answers are returned as they come so that the adapter maps errors itself. Public
 * only because Quarkus generates its implementation in another class loader; not an API.
 */
@Path("/v0/{baseId}/{table}")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface AirtableRecordsClient {

    @POST
    Response create(@PathParam("baseId") String baseId, @PathParam("table") String table,
            AirtableJson.CreateRequest request);

    @PATCH
    Response updateMany(@PathParam("baseId") String baseId, @PathParam("table") String table,
            AirtableJson.UpdateManyRequest request);

    @PATCH
    @Path("/{recordId}")
    Response update(@PathParam("baseId") String baseId, @PathParam("table") String table,
            @PathParam("recordId") String recordId, AirtableJson.UpdateRequest request);

    @DELETE
    @Path("/{recordId}")
    Response delete(@PathParam("baseId") String baseId, @PathParam("table") String table,
            @PathParam("recordId") String recordId);

    @DELETE
    Response deleteMany(@PathParam("baseId") String baseId, @PathParam("table") String table,
            @QueryParam("records[]") List<String> recordIds);
}
