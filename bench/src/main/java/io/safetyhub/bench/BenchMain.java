package io.safetyhub.bench;

import java.util.List;

/**
 * {@code bench/run} hands over to this: {@code step}, {@code drill NAME} and {@code opcua}. Exit 0 when every count
 * matched, 3 when a count did not (loss or duplicate), 2 for a bad command line, 1 when the bench itself failed.
 */
public final class BenchMain {
    private static final String USAGE = """
            usage: bench/run <command> [--name value ...]
              step   [--rates 1000,2000,5000,10000,20000] [--devices 1000] [--duration 30] [--connections 16]
                     [--in-flight 2000] [--probe-devices 20] [--probe-period-ms 2000] [--drain-max 150]
                     [--alarms-from gateway|kafka] [--log-append-time false] [--past-saturation false]
                     [--name pipeline] [--note TEXT] [--load-client vertx|paho]
              devices [--load 1000] [--probes 20] [--adapter http://127.0.0.1:8082] [--out bench/target/devices.secrets]
                     registers the bench's devices and writes their issued passwords (for --credentials)
              drill  kill-adapter|kill-warning|stop-kafka|stop-mqtt [--rate 1000] [--devices 500] [--duration 80]
                     [--fault-at 10] [--outage 30] [--drain-max 240] [--in-flight 2000] [--load-client paho|vertx]
              peers  [--rates as in the step results] [--devices 1000] [--duration 30] [--compare pipeline]
                     [--peer-port 18830] [--broker-port 18831] [--floor-port 18832] [--node-red-port 18800]
                     [--targets peer,mosquitto,floor] [--drain-max 90] [--name peers] [--load-client vertx|paho]
              partitions [--topic telemetry.readings.v1] [--count 6]   at least that many partitions (never fewer)
              warning [--devices 1000] [--per-device 200] [--drain-max 600] [--name warning-service-throughput]
              enterprise-list [--enterprises 10000] [--runs 50] [--name enterprise-list-latency]
              bucket-shapes [--minutes 12] [--devices 1000] [--samples 600] [--name bucket-shapes]   mongo-wire's CPU
                     per history sample sealed, buckets as arrays against binary columns (needs no stack)
              opcua  [--items 100,500,1000,2000,5000,10000] [--change-ms 100] [--sampling-ms 50] [--seconds 20]
            load client: vertx = the simulator's Vert.x MQTT 3.1.1 clients on two event loops (throughput: the
                     generator must not be the limit); paho = Paho MQTT 5 devices that resend after a fault (drills)
            common:  [--root DIR] [--mqtt URL] [--kafka HOST:PORT] [--mongo URL] [--gateway URL] [--warning URL[,URL...]]
                     [--keycloak URL] [--simulator-jar PATH]
                     devices' logins: [--credentials FILE (deviceId=secret lines)] | [--password P] |
                     [--username U --password P]; [--tls-ca FILE] for an ssl:// endpoint
            """;

    private BenchMain() {
    }

    public static void main(String[] args) {
        System.exit(run(List.of(args)));
    }

    static int run(List<String> args) {
        if (args.isEmpty()) {
            System.out.print(USAGE);
            return 2;
        }
        try {
            String command = args.get(0);
            boolean named = command.equals("drill") || command.equals("opcua-server") || command.equals("mqtt-floor");
            if (named && args.size() < 2) {
                System.out.print(USAGE);
                return 2;
            }
            Options o = new Options(args.subList(named ? 2 : 1, args.size()));
            return switch (command) {
                case "step" -> StepRun.run(Target.from(o), o);
                case "devices" -> DeviceProvisioning.run(Target.from(o), o);
                case "drill" -> DrillRun.run(Target.from(o), args.get(1), o);
                case "opcua" -> OpcUaBench.run(Target.from(o), o);
                case "warning" -> WarningThroughput.run(Target.from(o), o);
                case "enterprise-list" -> EnterpriseListLatency.run(Target.from(o), o);
                case "opcua-server" -> OpcUaLoadServer.serve(Integer.parseInt(args.get(1)), o);
                case "mqtt-floor" -> MqttFloor.serve(Integer.parseInt(args.get(1)), o);
                case "peers" -> PeerRun.run(Target.from(o), o);
                case "partitions" -> TopicPartitions.run(Target.from(o), o);
                case "bucket-shapes" -> BucketShapes.run(Target.from(o).root(), o);
                default -> {
                    System.out.print(USAGE);
                    yield 2;
                }
            };
        } catch (IllegalArgumentException e) {
            System.out.println("bench: " + e.getMessage());
            System.out.print(USAGE);
            return 2;
        } catch (Exception e) {
            System.out.println("bench: failed: " + e);
            e.printStackTrace(System.out);
            return 1;
        }
    }
}
