package org.stoxum.engine.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import org.stoxum.engine.config.PortConfig;

/**
 * Decides a request's {@link Role} from the port, the caller's address, the credentials a request
 * may carry and the role its command requires, in the original server's order: ADMIN first, then
 * FORBID for admin commands, then IDENTIFIED, else GUEST.
 */
public final class RoleResolver {

    private RoleResolver() {
    }

    /**
     * The role of one request.
     *
     * @param required the role the command requires (ADMIN for admin-only commands)
     * @param params   the request object, where admin_user/admin_password may be carried
     * @param user     the X-User header value, or empty
     */
    public static Role requestRole(Role required, PortConfig port, JsonNode params, InetAddress remote,
            String user) {
        if (isAdmin(port, params, remote)) {
            return Role.ADMIN;
        }
        if (required == Role.ADMIN) {
            return Role.FORBID;
        }
        if (isIdentified(port, remote, user)) {
            return Role.IDENTIFIED;
        }
        return Role.GUEST;
    }

    /** True when the caller is in the admin list and, if the port wants them, sent the credentials. */
    public static boolean isAdmin(PortConfig port, JsonNode params, InetAddress remote) {
        return port.admin(remote, text(params, "admin_user"), text(params, "admin_password"));
    }

    /** True when a trusted gateway named a non-empty user. */
    public static boolean isIdentified(PortConfig port, InetAddress remote, String user) {
        return port.identified(remote, user);
    }

    private static String text(JsonNode params, String field) {
        JsonNode v = params == null || !params.isObject() ? null : params.get(field);
        return v != null && v.isTextual() ? v.textValue() : null;
    }
}
