package org.budgetnarrator.api.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The address a request comes from, as the sign-in limits count it: the connection's peer, unless that peer is one of
 * {@code narrator.security.trusted-proxies} (a load balancer's addresses), in which case the right-most
 * X-Forwarded-For entry that is not itself a trusted proxy. X-Forwarded-For is never believed from anyone else: a
 * client could otherwise pick a fresh address for every guess.
 */
@Singleton
public class ClientAddresses {

    private static final String X_FORWARDED_FOR = "X-Forwarded-For";
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Set<String> trustedProxies;

    public ClientAddresses(@Value("${narrator.security.trusted-proxies:}") List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(ClientAddresses::canonical).collect(Collectors.toUnmodifiableSet());
    }

    public String of(HttpRequest<?> request) {
        if (request == null) {
            return "unknown";
        }
        InetSocketAddress remote = request.getRemoteAddress();
        String peer = remote.getAddress() == null ? remote.getHostString() : remote.getAddress().getHostAddress();
        if (trustedProxies.isEmpty() || !trustedProxies.contains(canonical(peer))) {
            return peer;
        }
        List<String> hops = new ArrayList<>();
        for (String header : request.getHeaders().getAll(X_FORWARDED_FOR)) {
            for (String hop : header.split(",")) {
                hops.add(hop.strip());
            }
        }
        for (int i = hops.size() - 1; i >= 0; i--) {
            if (!hops.get(i).isEmpty() && !trustedProxies.contains(canonical(hops.get(i)))) {
                return hops.get(i);
            }
        }
        return peer;
    }

    /** One spelling per address (IPv6 has several); anything that is not an address literal stays as it is. */
    private static String canonical(String address) {
        if (!IP_LITERAL.matcher(address).matches()) {
            return address;
        }
        try {
            // A literal: no name is looked up.
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
    }
}
