package org.stoxum.engine.config;

import java.net.InetAddress;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One listening port: a section named in {@code [server]}, with the {@code key=value} defaults of
 * {@code [server]} itself filled in.
 *
 * @param name           the section name (informational)
 * @param ip             bind address; the unspecified address means every interface
 * @param port           1..65535
 * @param protocols      what the port speaks; never empty
 * @param admin          clients granted the ADMIN role (empty: nobody)
 * @param secureGateway  proxies trusted to name the user (X-User, X-Forwarded-For)
 * @param user           HTTP Basic user required on JSON-RPC, with {@code password} (empty: none)
 * @param password       HTTP Basic password
 * @param adminUser      user an admin request must also carry in its JSON (empty: none)
 * @param adminPassword  password an admin request must also carry
 * @param sslKey         PEM private key; with no key, cert and chain a self-signed certificate is made
 * @param sslCert        PEM certificate
 * @param sslChain       PEM chain
 * @param sslCiphers     OpenSSL-style cipher list, as written
 * @param limit          maximum concurrent clients, 0 = unlimited
 * @param sendQueueLimit WebSocket messages queued per client before it is disconnected
 * @param compression    WebSocket permessage-deflate settings
 */
public record PortConfig(String name, InetAddress ip, int port, Set<PortProtocol> protocols,
                         List<IpMatcher> admin, List<IpMatcher> secureGateway,
                         String user, String password, String adminUser, String adminPassword,
                         Optional<Path> sslKey, Optional<Path> sslCert, Optional<Path> sslChain,
                         Optional<String> sslCiphers, int limit, int sendQueueLimit,
                         WebSocketCompression compression) {

    /** No limit on concurrent clients unless {@code limit} says otherwise. */
    public static final int DEFAULT_LIMIT = 0;

    /** WebSocket send queue length that disconnects a slow client. */
    public static final int DEFAULT_SEND_QUEUE_LIMIT = 100;

    public PortConfig {
        EnumSet<PortProtocol> ordered = EnumSet.noneOf(PortProtocol.class);
        ordered.addAll(protocols);
        protocols = Collections.unmodifiableSet(ordered);
        admin = List.copyOf(admin);
        secureGateway = List.copyOf(secureGateway);
    }

    /** True when the port must use TLS (it carries peer, https or wss). */
    public boolean secure() {
        return protocols.stream().anyMatch(PortProtocol::secure);
    }

    /** True when the port accepts WebSocket upgrades. */
    public boolean websockets() {
        return protocols.stream().anyMatch(PortProtocol::websocket);
    }

    /** True when plain requests are JSON-RPC calls (http or https); others answer 403. */
    public boolean jsonRpc() {
        return protocols.stream().anyMatch(PortProtocol::jsonRpc);
    }

    /** True when this is the peer port. */
    public boolean peer() {
        return protocols.contains(PortProtocol.PEER);
    }

    /** True when a request from {@code remote} may be ADMIN (credentials permitting). */
    public boolean adminAllowed(InetAddress remote) {
        return admin.stream().anyMatch(m -> m.matches(remote));
    }

    /** True when {@code remote} is a trusted proxy. */
    public boolean secureGatewayAllowed(InetAddress remote) {
        return secureGateway.stream().anyMatch(m -> m.matches(remote));
    }

    /**
     * The ADMIN test of a request: the client's address is in {@code admin} and, when the port sets
     * {@code admin_user} or {@code admin_password}, the request carries both, equal.
     *
     * @param sentUser     the request's {@code admin_user}, null when absent or not a string
     * @param sentPassword the request's {@code admin_password}, null when absent or not a string
     */
    public boolean admin(InetAddress remote, String sentUser, String sentPassword) {
        if (!adminAllowed(remote)) {
            return false;
        }
        boolean required = !adminUser.isEmpty() || !adminPassword.isEmpty();
        return !required || (adminUser.equals(sentUser) && adminPassword.equals(sentPassword));
    }

    /** The IDENTIFIED test: a trusted proxy named a non-empty user (X-User). */
    public boolean identified(InetAddress remote, String forwardedUser) {
        return forwardedUser != null && !forwardedUser.isEmpty() && secureGatewayAllowed(remote);
    }

    /** True when JSON-RPC requests must carry HTTP Basic credentials: the port names both user and password. */
    public boolean basicAuthRequired() {
        return !user.isEmpty() && !password.isEmpty();
    }

    /**
     * A port built in code rather than read from a file (tests, embedded servers): plain http, nobody
     * admin, no credentials, unlimited clients, the default send queue and no compression until set.
     */
    public static Builder builder(String name, InetAddress ip, int port) {
        return new Builder(name, ip, port);
    }

    /** Builds a {@link PortConfig} step by step; see {@link #builder}. */
    public static final class Builder {
        private final String name;
        private final InetAddress ip;
        private final int port;
        private Set<PortProtocol> protocols = EnumSet.of(PortProtocol.HTTP);
        private List<IpMatcher> admin = List.of();
        private List<IpMatcher> secureGateway = List.of();
        private String user = "";
        private String password = "";
        private String adminUser = "";
        private String adminPassword = "";
        private int limit = DEFAULT_LIMIT;
        private int sendQueueLimit = DEFAULT_SEND_QUEUE_LIMIT;

        private Builder(String name, InetAddress ip, int port) {
            this.name = name;
            this.ip = ip;
            this.port = port;
        }

        /** The protocols by their config words ({@code http}, {@code ws}, ...). */
        public Builder protocols(String... words) {
            EnumSet<PortProtocol> set = EnumSet.noneOf(PortProtocol.class);
            for (String w : words) {
                set.add(PortProtocol.parse(w)
                        .orElseThrow(() -> new IllegalArgumentException("unknown protocol '" + w + "'")));
            }
            this.protocols = set;
            return this;
        }

        public Builder admin(InetAddress... addresses) {
            this.admin = matchers(addresses);
            return this;
        }

        public Builder secureGateway(InetAddress... addresses) {
            this.secureGateway = matchers(addresses);
            return this;
        }

        public Builder basicAuth(String basicUser, String basicPassword) {
            this.user = basicUser;
            this.password = basicPassword;
            return this;
        }

        public Builder adminCredentials(String adminName, String adminPass) {
            this.adminUser = adminName;
            this.adminPassword = adminPass;
            return this;
        }

        public Builder limit(int value) {
            this.limit = value;
            return this;
        }

        public Builder sendQueueLimit(int value) {
            this.sendQueueLimit = value;
            return this;
        }

        private static List<IpMatcher> matchers(InetAddress... addresses) {
            return Arrays.stream(addresses)
                    .map(a -> IpMatcher.parse(a.getHostAddress()).orElseThrow())
                    .toList();
        }

        public PortConfig build() {
            return new PortConfig(name, ip, port, protocols, admin, secureGateway, user, password, adminUser,
                    adminPassword, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), limit,
                    sendQueueLimit, WebSocketCompression.DEFAULT);
        }
    }
}
