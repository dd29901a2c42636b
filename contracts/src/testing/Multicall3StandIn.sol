// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice For the rehearsal only: real networks carry Multicall3 at 0xcA11bde05977b3631167028862bE2a173976CA11, and
/// viem batches the app's reads through it on every chain it knows. The rehearsal's anvil, which takes Base
/// Sepolia's chain id, gets this code put at that address, so the app reads as it would on Base Sepolia.
/// @dev `aggregate3` with Multicall3's semantics (its revert message included): the one function viem calls.
contract Multicall3StandIn {
    struct Call3 {
        address target;
        bool allowFailure;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    function aggregate3(Call3[] calldata calls) external payable returns (Result[] memory returnData) {
        returnData = new Result[](calls.length);
        for (uint256 i = 0; i < calls.length; i++) {
            (bool success, bytes memory data) = calls[i].target.call(calls[i].callData);
            if (!success && !calls[i].allowFailure) revert("Multicall3: call failed");
            returnData[i] = Result(success, data);
        }
    }
}
