import io.safetyhub.devstack.testing.TestInfra;

import java.util.List;
import java.util.Map;

/**
 * Starts the infrastructure, enterprise-service and the gateway on free ports (the test harness), prints
 * their URLs and a real token for run.sh, and keeps them up until its standard input closes.
 */
public class BenchStack {
    public static void main(String[] args) throws Exception {
        String user = args.length > 0 ? args[0] : "reg.city";
        TestInfra infra = TestInfra.shared();
        Map<String, String> urls;
        try {
            urls = infra.startPlatform(List.of("enterprise-service", "gateway"));
        } catch (RuntimeException e) {
            System.out.println("FAILED " + e.getMessage());
            System.exit(1);
            return;
        }
        System.out.println("DIRECT_URL=" + urls.get("enterprise-service"));
        System.out.println("GATEWAY_URL=" + urls.get("gateway"));
        System.out.println("TOKEN=" + infra.token(user));
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() != -1) {
            // wait for run.sh to close the pipe
        }
        System.exit(0);
    }
}
