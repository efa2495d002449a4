// pg_retention through pgjdbc (issue 16, items 5 and 10), run by tests/checks/jdbc_check.py
// as a single-file program: java -cp /usr/share/java/postgresql.jar JdbcCheck.java URL
// (URL: jdbc:postgresql://host:port/db?user=...). Prints one "name=value" line per figure,
// or "name=ERROR <SQLSTATE>" where a call fails; jdbc_check.py compares them with psql.
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

public class JdbcCheck {
    interface Bind { void bind(PreparedStatement ps) throws SQLException; }

    static void one(Connection c, String name, String sql, Bind bind) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Object v = rs.getObject(1);
                String shown = v instanceof BigDecimal ? ((BigDecimal) v).toPlainString() : String.valueOf(v);
                System.out.println(name + "=" + shown);
            }
        } catch (SQLException e) {
            System.out.println(name + "=ERROR " + e.getSQLState());
        }
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String retention = "SELECT retention_rate(customer_id, ordered_at, ?, ?) FROM jdbc_orders";
        // Default pgjdbc: setString sends varchar, which no timestamptz parameter takes.
        try (Connection c = DriverManager.getConnection(url)) {
            one(c, "default_setString_bounds", retention, ps -> {
                ps.setString(1, "2026-02-01 00:00+00");
                ps.setString(2, "2026-03-01 00:00+00");
            });
            // The same with a cast in the SQL.
            one(c, "default_setString_cast", "SELECT retention_rate(customer_id, ordered_at, ?::timestamptz, ?::timestamptz) FROM jdbc_orders", ps -> {
                ps.setString(1, "2026-02-01 00:00+00");
                ps.setString(2, "2026-03-01 00:00+00");
            });
            // setLong scores: bigint, the nps(bigint) aggregate.
            one(c, "setLong_nps", "SELECT nps(s) FROM (VALUES (?), (?), (?), (?)) v(s)", ps -> {
                ps.setLong(1, 10); ps.setLong(2, 9); ps.setLong(3, 8); ps.setLong(4, 3);
            });
            // setDouble scores (whole) into csat; setDouble amounts into customer_history_agg.
            one(c, "setDouble_csat", "SELECT csat(s) FROM (VALUES (?), (?), (?)) v(s)", ps -> {
                ps.setDouble(1, 5.0); ps.setDouble(2, 4.0); ps.setDouble(3, 2.0);
            });
            one(c, "setDouble_revenue", "SELECT revenue(customer_history_agg(t, a)) FROM (VALUES (now(), ?), (now(), ?)) v(t, a)", ps -> {
                ps.setDouble(1, 19.99); ps.setDouble(2, 0.1);
            });
            one(c, "setDouble_customer_stats", "SELECT revenue(customer_stats_agg(customer_id, ordered_at, amount * ?)) FROM jdbc_orders", ps -> {
                ps.setDouble(1, 1.0);
            });
            one(c, "setDouble_nan_amount", "SELECT revenue(customer_history_agg(now(), ?))", ps -> {
                ps.setDouble(1, Double.NaN);
            });
            // A summary read as its text form.
            one(c, "setLong_nps_summary", "SELECT nps_agg(s)::text FROM (VALUES (?), (?), (?), (?)) v(s)", ps -> {
                ps.setLong(1, 10); ps.setLong(2, 9); ps.setLong(3, 8); ps.setLong(4, 3);
            });
        }
        // stringtype=unspecified: string parameters arrive untyped, read as the type taken.
        try (Connection c = DriverManager.getConnection(url + "&stringtype=unspecified")) {
            one(c, "unspecified_setString_bounds", retention, ps -> {
                ps.setString(1, "2026-02-01 00:00+00");
                ps.setString(2, "2026-03-01 00:00+00");
            });
            one(c, "unspecified_setString_amount", "SELECT revenue(customer_history_agg(now(), ?))", ps -> {
                ps.setString(1, "12345678901234567.89");
            });
        }
    }
}
