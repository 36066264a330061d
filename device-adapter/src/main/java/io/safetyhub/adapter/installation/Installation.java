package io.safetyhub.adapter.installation;

/**
 * A major-hazard installation (重大危险源) as enterprise-service last published it on
 * {@code enterprise.major-hazards.v1}: what a device's {@code hazardSourceId} must name.
 *
 * @param grade GB 18218-2018 grade 1-4, null when the installation is not (or not yet) identified as a major hazard
 */
public record Installation(String id, String enterpriseId, String name, Integer grade) {
}
