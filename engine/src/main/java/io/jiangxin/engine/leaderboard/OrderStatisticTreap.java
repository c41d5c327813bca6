package io.jiangxin.engine.leaderboard;

import io.jiangxin.engine.ranking.RankKey;

import java.util.ArrayList;
import java.util.List;

/**
 * A treap ordered by (rank key, entry id) whose nodes know their subtree sizes, so that counting the
 * entries before a key, and fetching the k-th entry, take O(log n) expected time. Priorities come from
 * the entry id's hash, so the same contents always give the same shape (reproducible, no random state).
 * Not thread-safe.
 */
final class OrderStatisticTreap {

    private static final class Node {
        final RankKey key;
        final String entryId;
        final int priority;
        Node left;
        Node right;
        int size = 1;

        Node(RankKey key, String entryId) {
            this.key = key;
            this.entryId = entryId;
            this.priority = mix(entryId.hashCode());
        }
    }

    private Node root;

    int size() {
        return size(root);
    }

    void insert(RankKey key, String entryId) {
        Node[] parts = split(root, key, entryId);
        root = merge(merge(parts[0], new Node(key, entryId)), parts[1]);
    }

    /** Removes the node with exactly this key and entry id; returns whether it was present. */
    boolean remove(RankKey key, String entryId) {
        int before = size();
        root = remove(root, key, entryId);
        return size() < before;
    }

    /** Entries whose key is strictly better (smaller) than {@code key}. */
    int countKeysBefore(RankKey key) {
        int count = 0;
        Node node = root;
        while (node != null) {
            if (node.key.compareTo(key) < 0) {
                count += size(node.left) + 1;
                node = node.right;
            } else {
                node = node.left;
            }
        }
        return count;
    }

    /** Entries ordered before (key, entryId). */
    int countBefore(RankKey key, String entryId) {
        int count = 0;
        Node node = root;
        while (node != null) {
            if (compare(node.key, node.entryId, key, entryId) < 0) {
                count += size(node.left) + 1;
                node = node.right;
            } else {
                node = node.left;
            }
        }
        return count;
    }

    /** Entry ids and keys at positions [from, from + count), in order. */
    void collect(int from, int count, List<String> ids, List<RankKey> keys) {
        collect(root, from, from + count, 0, ids, keys);
    }

    private void collect(Node node, int from, int to, int offset, List<String> ids, List<RankKey> keys) {
        if (node == null || from >= to) {
            return;
        }
        int nodeIndex = offset + size(node.left);
        if (from < nodeIndex) {
            collect(node.left, from, to, offset, ids, keys);
        }
        if (nodeIndex >= from && nodeIndex < to) {
            ids.add(node.entryId);
            keys.add(node.key);
        }
        if (to > nodeIndex + 1) {
            collect(node.right, from, to, nodeIndex + 1, ids, keys);
        }
    }

    List<String> entryIdsInOrder() {
        List<String> ids = new ArrayList<>(size());
        collect(0, size(), ids, new ArrayList<>(size()));
        return ids;
    }

    private static int compare(RankKey k1, String id1, RankKey k2, String id2) {
        int cmp = k1.compareTo(k2);
        return cmp != 0 ? cmp : id1.compareTo(id2);
    }

    /** Splits into (nodes before (key, id), nodes at or after it). */
    private static Node[] split(Node node, RankKey key, String entryId) {
        if (node == null) {
            return new Node[] {null, null};
        }
        if (compare(node.key, node.entryId, key, entryId) < 0) {
            Node[] parts = split(node.right, key, entryId);
            node.right = parts[0];
            update(node);
            return new Node[] {node, parts[1]};
        }
        Node[] parts = split(node.left, key, entryId);
        node.left = parts[1];
        update(node);
        return new Node[] {parts[0], node};
    }

    private static Node merge(Node a, Node b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        if (a.priority > b.priority) {
            a.right = merge(a.right, b);
            update(a);
            return a;
        }
        b.left = merge(a, b.left);
        update(b);
        return b;
    }

    private static Node remove(Node node, RankKey key, String entryId) {
        if (node == null) {
            return null;
        }
        int cmp = compare(key, entryId, node.key, node.entryId);
        if (cmp == 0) {
            return merge(node.left, node.right);
        }
        if (cmp < 0) {
            node.left = remove(node.left, key, entryId);
        } else {
            node.right = remove(node.right, key, entryId);
        }
        update(node);
        return node;
    }

    private static int size(Node node) {
        return node == null ? 0 : node.size;
    }

    private static void update(Node node) {
        node.size = 1 + size(node.left) + size(node.right);
    }

    /** Spreads hash bits (murmur3 finaliser) so that similar ids get unrelated priorities. */
    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
