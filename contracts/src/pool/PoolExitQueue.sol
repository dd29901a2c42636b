// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {SafeCast} from "@openzeppelin/contracts/utils/math/SafeCast.sol";
import {PoolRevenue} from "./PoolRevenue.sol";

/// @notice Queued exits (ERC-7540, ERC-7887): requests locked in a FIFO linked list, operators, fills from
/// idle cash, claims of filled redemptions, synchronous cancellation.
abstract contract PoolExitQueue is PoolRevenue {
    using SafeERC20 for IERC20;
    using SafeCast for uint256;

    function setOperator(address operator, bool approved) external returns (bool) {
        if (operator == msg.sender) revert InvalidParameter();
        isOperator[msg.sender][operator] = approved;
        emit OperatorSet(msg.sender, operator, approved);
        return true;
    }

    /// @notice Locks `shares` of `owner` in the exit queue for `controller`; they are redeemed at the price of the
    /// day they are filled and keep earning revenue until then. A request is worth at least the minimum deposit,
    /// unless it is the owner's whole unlocked position, and never nothing.
    function requestRedeem(uint256 shares, address controller, address owner)
        external
        nonReentrant
        whenNotPaused
        returns (uint256 requestId)
    {
        if (shares == 0) revert ZeroAmount();
        if (controller == address(0)) revert InvalidParameter();
        if (msg.sender != owner && !isOperator[owner][msg.sender]) _spendAllowance(owner, msg.sender, shares);
        uint256 unlocked = unlockedShares(owner);
        if (shares > unlocked) revert SharesLocked(owner, shares, unlocked);
        uint256 value = previewRedeem(shares);
        // A request worth nothing is never queued (a position of dust shares would only cost fillers gas).
        if (value == 0 || (shares < unlocked && value < _minDeposit)) revert BelowMinimumRequest(value, _minDeposit);
        _exits[owner].lockedShares += shares.toUint128();
        _accounts[owner].hasExits = true;
        pendingRedeemShares = (pendingRedeemShares + shares).toUint128();
        uint48 id = ++redeemRequestCount;
        uint48 tail = queueTail;
        _requests[id] = Request({
            owner: owner,
            prev: tail,
            next: 0,
            controller: controller,
            pendingShares: shares.toUint128(),
            filledShares: 0
        });
        if (tail == 0) queueHead = id;
        else _requests[tail].next = id;
        queueTail = id;
        emit RedeemRequest(controller, owner, id, msg.sender, shares);
        return id;
    }

    /// @notice ERC-7887: cancels what is still pending of a request, synchronously. The shares unlock for their
    /// owner at once (the CancelRedeemClaim in the same transaction says so); what was filled stays claimable.
    function cancelRedeemRequest(uint256 requestId, address controller) external nonReentrant {
        _onlyControllerOrOperator(controller);
        Request storage r = _requests[requestId];
        if (r.controller != controller || r.pendingShares == 0) revert UnknownRequest(requestId);
        uint256 shares = r.pendingShares;
        r.pendingShares = 0;
        _exits[r.owner].lockedShares -= uint128(shares);
        pendingRedeemShares = uint128(pendingRedeemShares - shares);
        _unlink(r);
        emit CancelRedeemRequest(controller, requestId, msg.sender);
        emit CancelRedeemClaim(controller, r.owner, requestId, msg.sender, shares);
    }

    /// @notice Cancellation is synchronous: nothing is ever pending cancellation.
    function pendingCancelRedeemRequest(uint256, address) external pure returns (bool) {
        return false;
    }

    /// @notice Cancellation is synchronous: cancelled shares are back with their owner in the same transaction.
    function claimableCancelRedeemRequest(uint256, address) external pure returns (uint256) {
        return 0;
    }

    function claimCancelRedeemRequest(uint256, address, address) external pure returns (uint256) {
        revert NothingToClaim();
    }

    /// @notice Fills up to `maxRequests` queued requests from idle USDC, oldest first. Anyone may call it: a
    /// repayment or deposit leaves the work to this call, so no one pays for others' queue entries unasked.
    function fillRedemptions(uint256 maxRequests) external nonReentrant whenNotPaused returns (uint256 filled) {
        uint48 id = queueHead;
        while (id != 0 && filled < maxRequests && idle > 0) {
            Request storage r = _requests[id];
            uint256 shares = r.pendingShares;
            uint256 assets = previewRedeem(shares);
            if (assets > idle) {
                shares = _convertToShares(idle, Math.Rounding.Floor);
                assets = previewRedeem(shares);
                // Idle worth less than one unit of USDC at this price: never burn shares for nothing.
                if (assets == 0 || shares == 0) break;
            }
            address owner = r.owner;
            address controller = r.controller;
            r.pendingShares -= uint128(shares);
            r.filledShares += uint128(shares);
            pendingRedeemShares = uint128(pendingRedeemShares - shares);
            _exits[owner].lockedShares -= uint128(shares);
            idle = uint72(idle - assets);
            reservedForRedemptions = (reservedForRedemptions + assets).toUint128();
            _exits[controller].claimableShares += shares.toUint128();
            _accounts[controller].hasExits = true;
            _claimableAssets[controller] += assets;
            _burn(owner, shares);
            emit RedeemRequestFilled(id, controller, owner, shares, assets);
            filled++;
            if (r.pendingShares > 0) break; // partly filled: idle is used up
            uint48 next = r.next;
            _unlink(r);
            id = next;
        }
    }

    /// @notice Shares of `controller`'s request still waiting to be filled.
    function pendingRedeemRequest(uint256 requestId, address controller) external view returns (uint256) {
        Request storage r = _requests[requestId];
        return r.controller == controller ? r.pendingShares : 0;
    }

    /// @notice Filled shares `controller` can claim. Once filled, a controller's requests are fungible: for any of
    /// its requests that has been filled, this is the controller's whole claimable amount.
    function claimableRedeemRequest(uint256 requestId, address controller) external view returns (uint256) {
        Request storage r = _requests[requestId];
        return r.controller == controller && r.filledShares > 0 ? _exits[controller].claimableShares : 0;
    }

    function redeemRequest(uint256 requestId) external view returns (Request memory) {
        if (requestId == 0 || requestId > redeemRequestCount) revert UnknownRequest(requestId);
        return _requests[requestId];
    }

    /// @notice Shares queued ahead of a request (0 when it is next, or no longer pending). Walks the live queue:
    /// for off-chain reads.
    function sharesAheadOf(uint256 requestId) external view returns (uint256 ahead) {
        if (_requests[requestId].pendingShares == 0) return 0;
        for (uint48 id = queueHead; id != 0 && id != requestId; id = _requests[id].next) {
            ahead += _requests[id].pendingShares;
        }
    }

    function unlockedShares(address owner) public view returns (uint256) {
        return balanceOf(owner) - _exits[owner].lockedShares;
    }

    /// @notice Shares of `owner` locked in the exit queue.
    function lockedShares(address owner) external view returns (uint256) {
        return _exits[owner].lockedShares;
    }

    /// @notice Filled redemptions `controller` can claim (through redeem or withdraw).
    function claimableRedemption(address controller) external view returns (uint128 shares, uint128 assets) {
        return (_exits[controller].claimableShares, uint128(_claimableAssets[controller]));
    }

    /// @notice ERC-7575: the share token is the vault itself.
    function share() external view returns (address) {
        return address(this);
    }

    function _claimRedemption(address controller, address receiver, uint256 shares, uint256 assets) internal {
        _onlyControllerOrOperator(controller);
        if (shares == 0 && assets == 0) revert ZeroAmount();
        _exits[controller].claimableShares -= uint128(shares);
        _claimableAssets[controller] -= assets;
        reservedForRedemptions = uint128(reservedForRedemptions - assets);
        IERC20(asset()).safeTransfer(receiver, assets);
        emit RedemptionClaimed(controller, receiver, shares, assets);
        emit Withdraw(msg.sender, receiver, controller, assets, shares);
    }

    function _unlink(Request storage r) private {
        uint48 prev = r.prev;
        uint48 next = r.next;
        if (prev == 0) queueHead = next;
        else _requests[prev].next = next;
        if (next == 0) queueTail = prev;
        else _requests[next].prev = prev;
        r.prev = 0;
        r.next = 0;
    }

    function _onlyControllerOrOperator(address controller) private view {
        if (msg.sender != controller && !isOperator[controller][msg.sender]) {
            revert NotControllerOrOperator(controller, msg.sender);
        }
    }

    /// @dev Requests with shares still pending stay linked; filled and cancelled ones are unlinked.
    function _queueWaiting() internal view returns (bool) {
        return queueHead != 0;
    }

    /// @dev An account that never used the exit queue has nothing in it: skip the read.
    function _exitsOf(address account) internal view returns (ExitAccount memory e) {
        if (_accounts[account].hasExits) e = _exits[account];
    }
}
