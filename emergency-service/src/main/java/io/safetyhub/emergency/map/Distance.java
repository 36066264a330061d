package io.safetyhub.emergency.map;

/**
 * Great-circle distance between two points given as WGS-84 longitude and latitude in degrees, by the haversine
 * formula on a sphere of the IUGG mean Earth radius (6,371.0088 km). Within a district the error against the
 * ellipsoid is below 0.5 %, far under a map's radius circle.
 */
public final class Distance {
    static final double EARTH_RADIUS_KM = 6371.0088;

    private Distance() {
    }

    public static double km(double longitude1, double latitude1, double longitude2, double latitude2) {
        double phi1 = Math.toRadians(latitude1);
        double phi2 = Math.toRadians(latitude2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(longitude2 - longitude1);
        double h = Math.sin(dPhi / 2) * Math.sin(dPhi / 2)
                + Math.cos(phi1) * Math.cos(phi2) * Math.sin(dLambda / 2) * Math.sin(dLambda / 2);
        return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
