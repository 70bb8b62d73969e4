package io.quarkiverse.etlify.deployment;

import io.quarkiverse.etlify.runtime.admin.AdminBeans;
import io.quarkiverse.etlify.runtime.admin.EtlifyDevUiService;
import io.quarkiverse.etlify.runtime.config.EtlifyBuildTimeConfig;
import io.quarkus.arc.deployment.AdditionalBeanBuildItem;
import io.quarkus.deployment.IsDevelopment;
import io.quarkus.deployment.annotations.BuildProducer;
import io.quarkus.deployment.annotations.BuildStep;
import io.quarkus.devui.spi.JsonRPCProvidersBuildItem;
import io.quarkus.devui.spi.page.CardPageBuildItem;
import io.quarkus.devui.spi.page.Page;
import io.quarkus.vertx.http.deployment.NonApplicationRootPathBuildItem;

/** The Etlify card of the Dev UI (dev mode only): the CRMs, the status counts, a link to the console. */
class EtlifyDevUiProcessor {

    @BuildStep(onlyIf = IsDevelopment.class)
    CardPageBuildItem card(EtlifyBuildTimeConfig config, EtlifyMappingsBuildItem mappings,
            NonApplicationRootPathBuildItem nonApplicationRootPath) {
        CardPageBuildItem card = new CardPageBuildItem();
        card.addPage(Page.webComponentPageBuilder()
                .title("CRMs")
                .icon("font-awesome-solid:cloud-arrow-up")
                .componentLink("qwc-etlify-crms.js")
                .staticLabel(String.valueOf(config.crm().size())));
        card.addPage(Page.webComponentPageBuilder()
                .title("Sync status")
                .icon("font-awesome-solid:table")
                .componentLink("qwc-etlify-status.js")
                .staticLabel(String.valueOf(mappings.mappings().size())));
        if (config.admin().enabled()) {
            card.addPage(Page.externalPageBuilder("Console")
                    .icon("font-awesome-solid:gauge")
                    .url(nonApplicationRootPath.resolvePath("etlify/console"))
                    .isHtmlContent()
                    .doNotEmbed());
        }
        return card;
    }

    @BuildStep(onlyIf = IsDevelopment.class)
    void service(BuildProducer<JsonRPCProvidersBuildItem> services, BuildProducer<AdditionalBeanBuildItem> beans) {
        services.produce(new JsonRPCProvidersBuildItem(EtlifyDevUiService.class));
        // the card reads what the admin API reads, also when the admin endpoints are switched off
        beans.produce(AdditionalBeanBuildItem.builder().addBeanClasses(AdminBeans.classNames()).setUnremovable().build());
    }
}
