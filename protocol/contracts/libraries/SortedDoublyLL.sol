// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/**
 * @title SortedDoublyLL
 * @notice A doubly linked list of addresses sorted by a uint256 key, largest first, with a maximum size.
 * The BondingManager keeps the transcoder pool (the next round's active set) in one (spec §11.3).
 * @dev Membership is `key > 0`, so a zero key is never stored. Callers may pass a hint `(prev, next)`
 * for the insert position; a stale or wrong hint only costs a walk. Without a usable hint the walk
 * starts at the head, so a new node lands *before* existing nodes with the same key.
 */
library SortedDoublyLL {
    struct Node {
        uint256 key;
        address nextId; // towards the tail (smaller keys)
        address prevId; // towards the head (larger keys)
    }

    struct Data {
        address head; // largest key
        address tail; // smallest key
        uint256 maxSize;
        uint256 size;
        mapping(address => Node) nodes;
    }

    /// @notice Raises the maximum size; it can never shrink.
    function setMaxSize(Data storage self, uint256 _size) internal {
        require(_size > self.maxSize, "new max size must be greater than old max size");
        self.maxSize = _size;
    }

    /// @notice Inserts `_id` with `_key`, using `(_prevId, _nextId)` as a position hint.
    function insert(Data storage self, address _id, uint256 _key, address _prevId, address _nextId) internal {
        require(!isFull(self), "list is full");
        require(!contains(self, _id), "node already in list");
        require(_id != address(0), "node id is null");
        require(_key > 0, "key is zero");

        (address prevId, address nextId) = findInsertPosition(self, _key, _prevId, _nextId);
        Node storage node = self.nodes[_id];
        node.key = _key;

        if (prevId == address(0) && nextId == address(0)) {
            self.head = _id;
            self.tail = _id;
        } else if (prevId == address(0)) {
            node.nextId = self.head;
            self.nodes[self.head].prevId = _id;
            self.head = _id;
        } else if (nextId == address(0)) {
            node.prevId = self.tail;
            self.nodes[self.tail].nextId = _id;
            self.tail = _id;
        } else {
            node.prevId = prevId;
            node.nextId = nextId;
            self.nodes[prevId].nextId = _id;
            self.nodes[nextId].prevId = _id;
        }
        self.size += 1;
    }

    /// @notice Unlinks `_id`.
    function remove(Data storage self, address _id) internal {
        require(contains(self, _id), "node not in list");
        Node storage node = self.nodes[_id];
        if (self.size > 1) {
            if (_id == self.head) {
                self.head = node.nextId;
                self.nodes[self.head].prevId = address(0);
            } else if (_id == self.tail) {
                self.tail = node.prevId;
                self.nodes[self.tail].nextId = address(0);
            } else {
                self.nodes[node.prevId].nextId = node.nextId;
                self.nodes[node.nextId].prevId = node.prevId;
            }
        } else {
            self.head = address(0);
            self.tail = address(0);
        }
        delete self.nodes[_id];
        self.size -= 1;
    }

    /// @notice Moves `_id` to the position of `_newKey`; a zero key drops it from the list.
    function updateKey(Data storage self, address _id, uint256 _newKey, address _prevId, address _nextId) internal {
        require(contains(self, _id), "node not in list");
        remove(self, _id);
        if (_newKey > 0) {
            insert(self, _id, _newKey, _prevId, _nextId);
        }
    }

    function contains(Data storage self, address _id) internal view returns (bool) {
        return self.nodes[_id].key > 0;
    }

    function isFull(Data storage self) internal view returns (bool) {
        return self.size == self.maxSize;
    }

    function isEmpty(Data storage self) internal view returns (bool) {
        return self.size == 0;
    }

    function getSize(Data storage self) internal view returns (uint256) {
        return self.size;
    }

    function getMaxSize(Data storage self) internal view returns (uint256) {
        return self.maxSize;
    }

    function getKey(Data storage self, address _id) internal view returns (uint256) {
        return self.nodes[_id].key;
    }

    function getFirst(Data storage self) internal view returns (address) {
        return self.head;
    }

    function getLast(Data storage self) internal view returns (address) {
        return self.tail;
    }

    function getNext(Data storage self, address _id) internal view returns (address) {
        return self.nodes[_id].nextId;
    }

    function getPrev(Data storage self, address _id) internal view returns (address) {
        return self.nodes[_id].prevId;
    }

    /// @dev True if `_key` fits between `_prevId` and `_nextId` (either may be null for the ends).
    function isValidInsertPosition(
        Data storage self,
        uint256 _key,
        address _prevId,
        address _nextId
    ) private view returns (bool) {
        if (_prevId == address(0) && _nextId == address(0)) {
            return isEmpty(self);
        }
        if (_prevId == address(0)) {
            return self.head == _nextId && _key >= self.nodes[_nextId].key;
        }
        if (_nextId == address(0)) {
            return self.tail == _prevId && _key <= self.nodes[_prevId].key;
        }
        return
            self.nodes[_prevId].nextId == _nextId &&
            self.nodes[_prevId].key >= _key &&
            _key >= self.nodes[_nextId].key;
    }

    /// @dev Walks towards the tail from `_startId` until `_key` fits.
    function walkDown(Data storage self, uint256 _key, address _startId) private view returns (address, address) {
        if (self.head == _startId && _key >= self.nodes[_startId].key) {
            return (address(0), _startId);
        }
        address prevId = _startId;
        address nextId = self.nodes[prevId].nextId;
        while (prevId != address(0) && !isValidInsertPosition(self, _key, prevId, nextId)) {
            prevId = nextId;
            nextId = self.nodes[prevId].nextId;
        }
        return (prevId, nextId);
    }

    /// @dev Walks towards the head from `_startId` until `_key` fits.
    function walkUp(Data storage self, uint256 _key, address _startId) private view returns (address, address) {
        if (self.tail == _startId && _key <= self.nodes[_startId].key) {
            return (_startId, address(0));
        }
        address nextId = _startId;
        address prevId = self.nodes[nextId].prevId;
        while (nextId != address(0) && !isValidInsertPosition(self, _key, prevId, nextId)) {
            nextId = prevId;
            prevId = self.nodes[nextId].prevId;
        }
        return (prevId, nextId);
    }

    /// @dev Turns a hint into a valid position: drops hint ends that left the list or no longer
    /// bracket `_key`, then walks from what is left (from the head if nothing is).
    function findInsertPosition(
        Data storage self,
        uint256 _key,
        address _prevId,
        address _nextId
    ) private view returns (address, address) {
        address prevId = _prevId;
        address nextId = _nextId;
        if (prevId != address(0) && (!contains(self, prevId) || _key > self.nodes[prevId].key)) {
            prevId = address(0);
        }
        if (nextId != address(0) && (!contains(self, nextId) || _key < self.nodes[nextId].key)) {
            nextId = address(0);
        }
        if (prevId == address(0) && nextId == address(0)) {
            return walkDown(self, _key, self.head);
        }
        if (prevId == address(0)) {
            return walkUp(self, _key, nextId);
        }
        return walkDown(self, _key, prevId);
    }
}
