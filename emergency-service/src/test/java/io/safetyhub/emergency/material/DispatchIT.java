package io.safetyhub.emergency.material;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.safetyhub.devstack.testing.RealInfraResource;
import io.safetyhub.emergency.support.Demo;
import org.junit.jupiter.api.Test;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Stock moved between two towns' reserves: all or nothing, never below zero. */
@QuarkusTest
@QuarkusTestResource(RealInfraResource.class)
class DispatchIT {

    private static String stock(String town, long quantity) {
        return Demo.as("reg.banan").body("{\"item\":\"发电机\",\"unit\":\"台\",\"quantity\":" + quantity + ",\"tier\":\"TOWN\","
                        + "\"town\":\"" + town + "\",\"location\":\"" + town + "储备点\",\"lowStockThreshold\":1}")
                .post("/api/emergency/materials").then().statusCode(201).extract().path("id");
    }

    private static int quantity(String id) {
        return Demo.as("reg.banan").get("/api/emergency/materials/" + id).then().statusCode(200).extract().path("quantity");
    }

    @Test
    void shouldMoveStockBetweenTwoTownsWhenEnoughIsThere() {
        String from = stock("南泉街道", 10);
        String to = stock("鱼洞街道", 1);
        String dispatch = Demo.as("reg.banan").body("{\"fromMaterialId\":\"" + from + "\",\"toMaterialId\":\"" + to
                        + "\",\"quantity\":4,\"reason\":\"鱼洞街道停电\"}")
                .post("/api/emergency/materials/dispatches").then().statusCode(201).extract().header("Location");
        assertEquals(6, quantity(from));
        assertEquals(5, quantity(to));
        Demo.as("reg.banan").get(dispatch).then().statusCode(200).body("quantity", equalTo(4));
    }

    @Test
    void shouldRefuseAndChangeNothingWhenTheDispatchIsLargerThanTheStock() {
        String from = stock("南泉街道", 3);
        String to = stock("鱼洞街道", 0);
        Demo.as("reg.banan").body("{\"fromMaterialId\":\"" + from + "\",\"toMaterialId\":\"" + to
                        + "\",\"quantity\":4,\"reason\":\"测试\"}")
                .post("/api/emergency/materials/dispatches").then().statusCode(409)
                .body("code", equalTo("INSUFFICIENT_STOCK")).body("errors.field", hasItem("quantity"));
        assertEquals(3, quantity(from));
        assertEquals(0, quantity(to));
    }

    @Test
    void shouldLetOnlyOneThroughWhenTwoDispatchesRaceForTheLastUnits() throws Exception {
        String from = stock("南泉街道", 5);
        String to = stock("鱼洞街道", 0);
        String body = "{\"fromMaterialId\":\"" + from + "\",\"toMaterialId\":\"" + to + "\",\"quantity\":4,\"reason\":\"并发测试\"}";
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.List<java.util.concurrent.Future<Integer>> calls = pool.invokeAll(java.util.List.of(
                    () -> Demo.as("reg.banan").body(body).post("/api/emergency/materials/dispatches").statusCode(),
                    () -> Demo.as("reg.banan").body(body).post("/api/emergency/materials/dispatches").statusCode()));
            java.util.List<Integer> statuses = new java.util.ArrayList<>();
            for (java.util.concurrent.Future<Integer> call : calls) {
                statuses.add(call.get());
            }
            statuses.sort(null);
            assertEquals(java.util.List.of(201, 409), statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, quantity(from));
        assertEquals(4, quantity(to));
    }

    @Test
    void shouldNameTheFieldWhenStockWouldBeNegative() {
        Demo.as("reg.banan").body("{\"item\":\"发电机\",\"unit\":\"台\",\"quantity\":-1,\"tier\":\"DISTRICT\","
                        + "\"location\":\"库\",\"lowStockThreshold\":1}")
                .post("/api/emergency/materials").then().statusCode(400).body("errors.field", hasItem("quantity"));
    }

    @Test
    void shouldRefuseADispatchWhenTheItemsDiffer() {
        Demo.as("reg.banan").body("{\"fromMaterialId\":\"m-demo-nanquan-tents\",\"toMaterialId\":\"m-demo-yudong-village-pumps\","
                        + "\"quantity\":1,\"reason\":\"测试\"}")
                .post("/api/emergency/materials/dispatches").then().statusCode(422)
                .body("errors.field", hasItem("toMaterialId"));
    }
}
