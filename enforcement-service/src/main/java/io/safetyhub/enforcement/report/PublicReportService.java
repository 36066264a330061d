package io.safetyhub.enforcement.report;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import io.safetyhub.enforcement.common.Today;
import io.safetyhub.enforcement.roster.RosterEnterprise;
import io.safetyhub.enforcement.roster.RosterRepository;
import io.safetyhub.platform.rest.DomainException;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the public may do without an account: file a report (answered with a tracking code and a secret, nothing
 * else), follow it and add information with both. A wrong secret is answered exactly as an unknown code (404).
 */
@ApplicationScoped
public class PublicReportService {
    private static final Logger LOG = Logger.getLogger(PublicReportService.class);
    /** No 0/O, 1/I: a code read out over the 12350 hotline is not misheard. */
    private static final String CODE_LETTERS = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final DateTimeFormatter CODE_DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final ReportRepository reports;
    private final ReportPhotos photos;
    private final ReportQuota quota;
    private final ReporterVault vault;
    private final RosterRepository roster;
    private final Today today;
    private final SecureRandom random = new SecureRandom();

    public PublicReportService(
            ReportRepository reports,
            ReportPhotos photos,
            ReportQuota quota,
            ReporterVault vault,
            RosterRepository roster,
            Today today) {
        this.reports = reports;
        this.photos = photos;
        this.quota = quota;
        this.vault = vault;
        this.roster = roster;
        this.today = today;
    }

    /** The reporter's receipt: the only answer to a filing. */
    public record Receipt(String trackingCode, String secret) {
    }

    public Receipt file(ReportRequests.Filing r, String client) {
        Optional<RosterEnterprise> enterprise = Optional.empty();
        if (blank(r.enterpriseId()) != null) {
            enterprise = roster.byId(r.enterpriseId().strip());
            if (enterprise.isEmpty()) {
                throw DomainException.field("enterpriseId", "'" + r.enterpriseId() + "' is not a registered enterprise; "
                        + "describe it in enterpriseName and place instead");
            }
        } else {
            if (blank(r.enterpriseName()) == null && blank(r.place()) == null) {
                throw DomainException.field("place", "name the enterprise (enterpriseId or enterpriseName) or the place");
            }
            if (blank(r.district()) == null) {
                throw DomainException.field("district", "is needed when the enterprise is not given by enterpriseId");
            }
        }
        List<ReportPhotos.Checked> checked = photos.check("photos", r.photos());
        quota.take(client);
        String id = "rp-" + UUID.randomUUID().toString().substring(0, 12);
        String secret = secret();
        List<Report.Photo> stored = photos.store(id, checked);
        String sealed = sealedReporter(id, r.reporter());
        String district = enterprise.map(RosterEnterprise::district).orElse(blank(r.district()));
        Report report = new Report(id, null, Sha256.hex(secret), ReportStatus.RECEIVED, r.category(), r.text().strip(),
                enterprise.map(RosterEnterprise::id).orElse(null),
                enterprise.map(RosterEnterprise::name).orElse(blank(r.enterpriseName())), blank(r.place()), district,
                enterprise.map(RosterEnterprise::town).orElse(null), Boolean.TRUE.equals(r.internal()), sealed, stored,
                List.of(), null, null, null, null, null, today.now(), today.now());
        for (int attempt = 0; ; attempt++) {
            String code = "JB" + today.date().format(CODE_DAY) + "-" + code();
            try {
                reports.insert(withCode(report, code));
                LOG.infof("report %s (%s) received for %s, %s", id, code, district, report.anonymous() ? "anonymous" : "named");
                return new Receipt(code, secret);
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY || attempt >= 4) {
                    throw e;
                }
            }
        }
    }

    /** The report behind a code, if {@code secret} is its secret; 404 alike for an unknown code and a wrong secret. */
    public Report track(String code, String secret) {
        if (blank(secret) == null) {
            throw DomainException.field("X-Report-Secret", "the secret given with the tracking code is needed");
        }
        Report report = reports.byTrackingCode(code == null ? "" : code.strip())
                .orElseThrow(() -> DomainException.notFound("report", code));
        if (!MessageDigest.isEqual(report.secretHash().getBytes(StandardCharsets.US_ASCII),
                Sha256.hex(secret.strip()).getBytes(StandardCharsets.US_ASCII))) {
            throw DomainException.notFound("report", code);
        }
        return report;
    }

    public Report add(String code, String secret, ReportRequests.Addition a) {
        Report report = track(code, secret);
        if (!report.status().open()) {
            throw DomainException.conflict("REPORT_CLOSED", "the handling of this report is over; nothing can be added");
        }
        if (report.additions().size() >= 20) {
            throw DomainException.conflict("TOO_MANY_ADDITIONS", "20 additions at most; call 12350 for more");
        }
        List<ReportPhotos.Checked> checked = photos.check("photos", a.photos());
        Report.Addition addition = new Report.Addition(today.now(), a.text().strip(), photos.store(report.id(), checked));
        if (!reports.addAddition(report.id(), report.status(), addition, today.now())) {
            throw DomainException.conflict("REPORT_CHANGED", "the report changed meanwhile; send it again");
        }
        return reports.byId(report.id()).orElseThrow();
    }

    private String sealedReporter(String id, ReportRequests.ReporterDetails d) {
        if (d == null || blank(d.name()) == null && blank(d.phone()) == null && blank(d.idNumber()) == null
                && blank(d.contact()) == null) {
            return null;
        }
        return vault.seal(id, new ReporterVault.Reporter(blank(d.name()), blank(d.phone()), blank(d.idNumber()), blank(d.contact())));
    }

    private static Report withCode(Report r, String code) {
        return new Report(r.id(), code, r.secretHash(), r.status(), r.category(), r.text(), r.enterpriseId(), r.enterpriseName(),
                r.place(), r.district(), r.town(), r.internal(), r.sealedReporter(), r.photos(), r.additions(), r.handler(),
                r.triageNote(), r.inspectionId(), r.outcome(), r.reward(), r.receivedAt(), r.updatedAt());
    }

    private String code() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            out.append(CODE_LETTERS.charAt(random.nextInt(CODE_LETTERS.length())));
        }
        return out.toString();
    }

    /** 128 random bits: guessing it is hopeless, so a plain SHA-256 of it is enough to store. */
    private String secret() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
