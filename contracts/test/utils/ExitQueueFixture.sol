// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ProtocolFixture} from "./ProtocolFixture.sol";

/// Shared by the exit tests (instant exits, and the ERC-7540 FIFO queue: request, fill, ERC-7887 cancel,
/// claim): the exit events, and helpers that read claims and check the books.
abstract contract ExitQueueFixture is ProtocolFixture {
    event RedeemRequest(
        address indexed controller, address indexed owner, uint256 indexed requestId, address sender, uint256 shares
    );
    event RedeemRequestFilled(
        uint256 indexed requestId, address indexed controller, address indexed owner, uint256 shares, uint256 assets
    );
    event RedemptionClaimed(address indexed controller, address indexed receiver, uint256 shares, uint256 assets);
    event CancelRedeemRequest(address indexed controller, uint256 indexed requestId, address sender);
    event CancelRedeemClaim(
        address indexed controller, address indexed receiver, uint256 indexed requestId, address sender, uint256 shares
    );
    event Withdraw(
        address indexed sender, address indexed receiver, address indexed owner, uint256 assets, uint256 shares
    );
    event OperatorSet(address indexed controller, address indexed operator, bool approved);

    uint256 internal constant OFFSET = 1e12; // 10 ** _decimalsOffset()

    address internal stranger = makeAddr("stranger");

    // ─── Helpers ────────────────────────────────────────────────────────────────────────────────────────

    function _request(address who, uint256 shares) internal returns (uint256 id) {
        return _requestRedeem(who, shares);
    }

    function _claimable(address controller) internal view returns (uint256 shares, uint256 assets) {
        (uint128 s, uint128 a) = pool.claimableRedemption(controller);
        return (s, a);
    }

    function _claimableAssets(address controller) internal view returns (uint256 assets) {
        (, assets) = _claimable(controller);
    }

    /// alice and bob each hold 1,000 USDC worth of shares, all of it deployed: idle is 0.
    function _fullyDeployed() internal {
        _deposit(alice, 1_000e6);
        _deposit(bob, 1_000e6);
        _deploy(assetA, 2_000e6);
        assertEq(pool.idle(), 0);
    }

    /// The pool's USDC is exactly what it owes: idle principal, filled redemptions and shareholders' revenue.
    function _assertBooksBalance() internal view {
        assertEq(
            usdc.balanceOf(address(pool)), pool.idle() + pool.reservedForRedemptions() + pool.revenueHeld(), "books"
        );
        assertEq(pool.totalAssets(), pool.idle() + pool.outstandingPrincipal() - pool.totalProvisions(), "totalAssets");
    }
}
